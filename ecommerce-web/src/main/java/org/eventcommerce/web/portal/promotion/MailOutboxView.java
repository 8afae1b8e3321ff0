package org.eventcommerce.web.portal.promotion;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.mail.MailOutbox;
import org.eventcommerce.domain.mail.OutboxEntry;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.web.portal.Bundle;
import org.eventcommerce.web.portal.Formats;
import org.eventcommerce.web.portal.PageMessages;
import org.eventcommerce.web.security.CurrentUser;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The mail outbox ({@code /admin/promotion-codes/outbox.xhtml}, issue 3): the site's e-mails, newest first, in a
 * lazy table paged by {@link MailOutbox#page}, with a status filter, Retry failed, and Retry on each failed mail.
 * With the {@code batch} request parameter (a link from the create page) it shows one creation's mails.
 */
@Named
@ViewScoped
public class MailOutboxView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form's id: component client ids are {@code outbox:<id>}. */
    static final String FORM = "outbox";

    /** A batch id as CodeIssuing makes them (a UUID); anything else is ignored. */
    private static final Pattern BATCH_ID = Pattern.compile("[0-9a-fA-F-]{1,36}");

    @Inject
    MailOutbox outbox;

    @Inject
    SettingsService settings;

    @Inject
    CurrentUser currentUser;

    private String batch;
    private OutboxEntry.Status status;
    private boolean testMode;
    private String testRedirect;
    private final Entries entries = new Entries();
    private Counts counts = new Counts(0, 0, 0, 0);

    /** The outbox's counts by status, as last read. */
    public record Counts(long sent, long failed, long pending, long held) implements Serializable {
    }

    @PostConstruct
    void load() {
        String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("batch");
        batch = asked != null && BATCH_ID.matcher(asked).matches() ? asked : null;
        CommerceConfiguration c = settings.get(currentUser.siteId());
        testMode = c.getMode() == OperatingMode.TEST;
        testRedirect = c.getTestMailRedirect();
        refresh();
    }

    /** Reads the counts again (the table reloads when it is updated). */
    public void refresh() {
        MailOutbox.Progress p = outbox.progress(currentUser.siteId(), batch);
        counts = new Counts(p.sent(), p.failed(), p.pending(), p.held());
    }

    /** Shows the first page with the chosen status filter. */
    public void filter() {
        refresh();
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(FORM + ":entries") instanceof DataTable t) {
            t.setFirst(0);
        }
    }

    /** Queues every failed mail (of the batch shown, or of the site) again. */
    public void retryFailed() {
        int n = outbox.retryFailed(currentUser.siteId(), batch);
        PageMessages.global(n == 0 ? FacesMessage.SEVERITY_WARN : FacesMessage.SEVERITY_INFO,
                n == 0 ? Bundle.text("message.outbox.noneFailed") : Bundle.text("message.outbox.retried", n));
        refresh();
    }

    /** Queues one failed mail again. */
    public void retry(Row row) {
        try {
            outbox.retry(currentUser.siteId(), row.getId());
            PageMessages.global(FacesMessage.SEVERITY_INFO, Bundle.text("message.outbox.retriedOne", row.getRecipient()));
        } catch (BusinessException e) {
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text(e));
        }
        refresh();
    }

    /** The counts by status (of the batch shown, or of the site), as last read. */
    public Counts getCounts() {
        return counts;
    }

    /** A date and time in the site's time zone. */
    public String dateTime(Instant instant) {
        ZoneId zone = currentUser.account().getSite().getTimeZone();
        return Formats.dateTime(instant, zone, Bundle.locale());
    }

    /** Where Test-mode mail goes now, for the hint. */
    public String getModeHint() {
        if (!testMode) {
            return Bundle.text("hint.outbox.production");
        }
        return testRedirect == null || testRedirect.isBlank() ? Bundle.text("hint.outbox.testHeld")
                : Bundle.text("hint.outbox.testRedirect", testRedirect);
    }

    public List<OutboxEntry.Status> getStatuses() {
        return List.of(OutboxEntry.Status.values());
    }

    public LazyDataModel<Row> getEntries() {
        return entries;
    }

    /** The table's rows, a page at a time from {@link MailOutbox#page}. */
    final class Entries extends LazyDataModel<Row> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, outbox.count(currentUser.siteId(), batch, status));
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return outbox.page(currentUser.siteId(), batch, status, first, pageSize).stream().map(Row::new).toList();
        }

        @Override
        public String getRowKey(Row row) {
            return String.valueOf(row.getId());
        }
    }

    /** One outbox entry as the table shows it (the bodies, which hold the codes, are left out). */
    public static final class Row implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long id;
        private final String recipient;
        private final String subject;
        private final OutboxEntry.Status status;
        private final int attempts;
        private final String lastError;
        private final Instant createdAt;
        private final Instant sentAt;
        private final Instant nextAttemptAt;

        Row(OutboxEntry e) {
            id = e.getId();
            recipient = e.getRecipient();
            subject = e.getSubject();
            status = e.getStatus();
            attempts = e.getAttempts();
            lastError = e.getLastError();
            createdAt = e.getCreatedAt();
            sentAt = e.getSentAt();
            nextAttemptAt = e.getNextAttemptAt();
        }

        public long getId() {
            return id;
        }

        public String getRecipient() {
            return recipient;
        }

        public String getSubject() {
            return subject;
        }

        public OutboxEntry.Status getStatus() {
            return status;
        }

        public int getAttempts() {
            return attempts;
        }

        public String getLastError() {
            return lastError;
        }

        public Instant getCreatedAt() {
            return createdAt;
        }

        public Instant getSentAt() {
            return sentAt;
        }

        public Instant getNextAttemptAt() {
            return nextAttemptAt;
        }

        /** True when the row offers Retry: a failed mail. */
        public boolean isRetryable() {
            return status == OutboxEntry.Status.FAILED;
        }
    }

    public String getBatch() {
        return batch;
    }

    public OutboxEntry.Status getStatus() {
        return status;
    }

    public void setStatus(OutboxEntry.Status status) {
        this.status = status;
    }

    public boolean isTestMode() {
        return testMode;
    }
}
