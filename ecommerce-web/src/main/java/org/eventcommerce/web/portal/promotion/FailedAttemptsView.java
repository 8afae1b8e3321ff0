package org.eventcommerce.web.portal.promotion;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.eventcommerce.domain.security.AttemptThrottle;
import org.eventcommerce.domain.security.FailedAttempt;
import org.eventcommerce.web.portal.Bundle;
import org.eventcommerce.web.portal.Formats;
import org.eventcommerce.web.security.CurrentUser;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The site's failed promotion-code attempts ({@code /admin/promotion-codes/failed-attempts.xhtml}, issue 5), newest
 * first, paged in the database ({@link AttemptThrottle#promotionCodeFailures}); times in the site's time zone. One
 * attempt shows as one row per subject it was counted on (e-mail, API key, session, address).
 */
@Named
@ViewScoped
public class FailedAttemptsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AttemptThrottle throttle;

    @Inject
    CurrentUser currentUser;

    private final Rows rows = new Rows();

    public LazyDataModel<Row> getRows() {
        return rows;
    }

    /** Failures allowed per e-mail, session or address in a window. */
    public int getLimit() {
        return throttle.limit(FailedAttempt.Kind.PROMOTION_CODE, FailedAttempt.SubjectKind.EMAIL);
    }

    /** Failures allowed per API key in a window. */
    public int getApiKeyLimit() {
        return throttle.limit(FailedAttempt.Kind.PROMOTION_CODE, FailedAttempt.SubjectKind.API_KEY);
    }

    public long getWindowMinutes() {
        return throttle.window(FailedAttempt.Kind.PROMOTION_CODE).toMinutes();
    }

    /** The table's rows, a page at a time. */
    final class Rows extends LazyDataModel<Row> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, throttle.promotionCodeFailureCount(currentUser.siteId()));
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            ZoneId zone = currentUser.account().getSite().getTimeZone();
            return throttle.promotionCodeFailures(currentUser.siteId(), first, pageSize).stream()
                    .map(a -> new Row(Formats.dateTime(a.getAttemptedAt(), zone, Bundle.locale()), a.getAttempt(),
                            a.getSubjectKind().name(), a.getSubject()))
                    .toList();
        }
    }

    /** One subject of one failed attempt, as shown. */
    public record Row(String attemptedAt, String code, String subjectKind, String subject) implements Serializable {
    }
}
