package org.eventcommerce.web.portal.audit;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eventcommerce.domain.audit.AuditLog;
import org.eventcommerce.domain.audit.FieldChange;
import org.eventcommerce.domain.common.Messages;
import org.eventcommerce.domain.promotion.PromotionCodeReport;
import org.eventcommerce.web.portal.Actors;
import org.eventcommerce.web.portal.Bundle;
import org.eventcommerce.web.portal.Formats;
import org.eventcommerce.web.security.CurrentUser;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The site's audit log for its administrators ({@code /admin/audit-log.xhtml}, issue 5): every configuration change
 * and promotion-code extension or deletion, newest first, paged in the database ({@link AuditLog#page}), optionally of
 * one action; times in the site's time zone. A configuration change lists each changed field (its label from the
 * bundle, {@code audit.field.<api field name>}) with the old and the new value; booleans read Yes/No, an empty value
 * and the secrets' markers ("(changed)") are words of the reader's language. Secrets are never stored, so never shown.
 * A promotion-code extension lists each code with its old and new expiry date in the reader's date format; the
 * platform API and the demo's set-up are named in the reader's language.
 */
@Named
@ViewScoped
public class AuditLogView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Mail template parts whose empty value means the built-in default. */
    private static final Set<String> DEFAULTED = Set.of("promotionMail.subject", "promotionMail.text",
            "promotionMail.html");

    /** The markers of {@link FieldChange} for secrets, to their bundle keys. */
    private static final Map<String, String> MARKERS = Map.of(FieldChange.CHANGED, "audit.value.changed",
            FieldChange.SET, "audit.value.set", FieldChange.NOT_SET, "audit.value.notSet");

    /** Fields whose values are enum names, to the bundle prefix of their labels (as the E-Commerce page shows them). */
    private static final Map<String, String> ENUM_LABELS = Map.of("mode", "mode.", "provider.type", "provider.",
            "provider.accountType", "accountType.", "paymentAction", "paymentAction.");

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    private String action;
    private final Rows rows = new Rows();

    public LazyDataModel<Row> getRows() {
        return rows;
    }

    /** The chosen action, or null for every action. */
    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action == null || action.isBlank() ? null : action;
    }

    /** The actions the site's entries have, labelled in the reader's language. */
    public List<SelectItem> getActions() {
        return audit.actions(currentUser.siteId()).stream().map(a -> new SelectItem(a, actionLabel(a, Bundle.locale()))).toList();
    }

    /** The site's time zone id, for the hint above the table. */
    public String getTimeZone() {
        return currentUser.account().getSite().getTimeZone().getId();
    }

    /** The label of {@code action} ({@code audit.action.<action>}), or the action's name when the bundle has none. */
    static String actionLabel(String action, Locale locale) {
        String label = Bundle.text(locale, "audit.action." + action);
        return label.startsWith("???") ? action : label;
    }

    /** The label of a changed field ({@code audit.field.<field>}), or the field's API name when the bundle has none. */
    static String fieldLabel(String field, Locale locale) {
        String label = Bundle.text(locale, "audit.field." + field);
        return label.startsWith("???") ? field : label;
    }

    /**
     * A value as shown: Yes/No for booleans, the page's labels for the mode, provider, account type, payment action and
     * accepted cards,
     * words for empty values and secrets' markers, else the value.
     */
    static String valueText(String field, String value, Locale locale) {
        if (value == null || value.isEmpty()) {
            return Bundle.text(locale, DEFAULTED.contains(field) ? "audit.value.default" : "audit.value.none");
        }
        if (MARKERS.containsKey(value)) {
            return Bundle.text(locale, MARKERS.get(value));
        }
        if (value.equals("true") || value.equals("false")) {
            return Bundle.text(locale, value.equals("true") ? "label.yes" : "label.no");
        }
        if (ENUM_LABELS.containsKey(field)) {
            return label(locale, ENUM_LABELS.get(field), value);
        }
        if (field.equals("provider.acceptedCards")) {
            // "VISA,MASTERCARD" as the page's card labels (a fresh-user trial read the codes on the Romanian page).
            return java.util.Arrays.stream(value.split(",")).map(String::strip)
                    .map(b -> label(locale, "card.", b)).collect(java.util.stream.Collectors.joining(", "));
        }
        return value;
    }

    /** The bundle's label {@code prefix + value}, or the value itself when the bundle has none. */
    private static String label(Locale locale, String prefix, String value) {
        String label = Bundle.text(locale, prefix + value);
        return label.startsWith("???") ? value : label;
    }

    /**
     * An entry as shown to a reader of {@code locale}: the actor's name in the reader's language
     * ({@link Actors#label}); a promotion-code extension as one change per code (the code, then its old and new
     * expiry date as the reader writes dates, {@link Messages#day}), also for entries recorded with the detail only.
     */
    static Row row(AuditLog.Item i, ZoneId zone, Locale locale) {
        List<Change> changes;
        String detail = i.changes().isEmpty() ? i.detail() : null;
        if (PromotionCodeReport.EXTEND.equals(i.action())) {
            List<FieldChange> moved = i.changes().isEmpty() ? extensionChanges(i.detail()) : i.changes();
            changes = moved.stream().map(c -> new Change(c.field(), day(c.oldValue(), locale),
                    day(c.newValue(), locale))).toList();
            detail = changes.isEmpty() ? i.detail() : null;
        } else {
            changes = i.changes().stream().map(c -> new Change(fieldLabel(c.field(), locale),
                    valueText(c.field(), c.oldValue(), locale), valueText(c.field(), c.newValue(), locale))).toList();
        }
        return new Row(Formats.dateTime(i.at(), zone, locale), Actors.label(i.actor(), locale),
                actionLabel(i.action(), locale), detail, changes);
    }

    /** "CODE: 2027-01-31 -> 2027-12-31, ..." (an extension's detail) as changes; empty when it is not that shape. */
    static List<FieldChange> extensionChanges(String detail) {
        List<FieldChange> out = new java.util.ArrayList<>();
        if (detail == null) {
            return out;
        }
        for (String part : detail.split(", ")) {
            java.util.regex.Matcher m = EXTENSION.matcher(part.strip());
            if (!m.matches()) {
                return List.of();
            }
            out.add(new FieldChange(m.group(1), m.group(2), m.group(3)));
        }
        return out;
    }

    private static final java.util.regex.Pattern EXTENSION = java.util.regex.Pattern.compile(
            "([A-Z0-9]+): (\\d{4}-\\d{2}-\\d{2}) -> (\\d{4}-\\d{2}-\\d{2})");

    /** An ISO date as a reader of {@code locale} writes it; other text unchanged. */
    private static String day(String iso, Locale locale) {
        try {
            return Messages.day(java.time.LocalDate.parse(iso), locale);
        } catch (RuntimeException notADate) {
            return iso;
        }
    }

    /** The table's rows, a page at a time. */
    final class Rows extends LazyDataModel<Row> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, audit.count(currentUser.siteId(), action));
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            ZoneId zone = currentUser.account().getSite().getTimeZone();
            Locale locale = Bundle.locale();
            return audit.page(currentUser.siteId(), action, first, pageSize).stream()
                    .map(i -> row(i, zone, locale)).toList();
        }
    }

    /** One entry as shown: when, who, what, the detail (entries without field changes) and the changed fields. */
    public record Row(String at, String actor, String action, String detail, List<Change> changes)
            implements Serializable {
    }

    /** One changed field as shown. */
    public record Change(String field, String oldValue, String newValue) implements Serializable {
    }
}
