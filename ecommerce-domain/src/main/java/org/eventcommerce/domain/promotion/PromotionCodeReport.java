package org.eventcommerce.domain.promotion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.domain.site.Site;

/**
 * The promotion code report (MISSION.md M9; API.md {@code GET /api/v1/promotion-codes}): find codes by
 * creation date range (inclusive days in the site's time zone), code prefix, recipient prefix (name or
 * e-mail, case-insensitive) and status; page through them in the database; extend and delete them.
 */
@ApplicationScoped
public class PromotionCodeReport {

    /** Page size limit. */
    public static final int MAX_PAGE_SIZE = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    org.eventcommerce.domain.audit.AuditLog audit;

    /** Filters; any may be null. */
    public record Filter(LocalDate createdFrom, LocalDate createdTo, String code, String recipient, CodeStatus status)
            implements Serializable {
    }

    /** The columns the report can be sorted by, in the database. */
    public enum SortField {
        CODE("c.code"), SERVICE("c.service"), EXPIRES_ON("c.expiresOn"), APPLIES_TO("c.appliesTo"),
        CREATED_AT("c.createdAt"), USED("c.usedCount");

        private final String path;

        SortField(String path) {
            this.path = path;
        }
    }

    /** A sort order; the default is newest first. */
    public record Sort(SortField field, boolean ascending) {
        public static final Sort NEWEST_FIRST = new Sort(SortField.CREATED_AT, false);
    }

    /** One page and the total number of matching codes. */
    public record Page(List<PromotionCode> items, long total) {
    }

    /** The codes matching {@code f}, newest first. @throws ValidationException for a bad range or paging */
    @Transactional
    public Page find(Site site, Filter f, int page, int size) {
        return find(site, f, page, size, Sort.NEWEST_FIRST);
    }

    /** As {@link #find(Site, Filter, int, int)}, sorted by {@code sort} (then by id, for a stable order). */
    @Transactional
    public Page find(Site site, Filter f, int page, int size, Sort sort) {
        int first = org.eventcommerce.domain.common.Pages.first(page, size, MAX_PAGE_SIZE);
        if (f.createdFrom() != null && f.createdTo() != null && f.createdTo().isBefore(f.createdFrom())) {
            throw ValidationException.of("createdTo", "validation.dateRange");
        }
        Map<String, Object> params = new HashMap<>();
        String where = where(site, f, params);
        Sort s = sort == null ? Sort.NEWEST_FIRST : sort;
        String dir = s.ascending() ? " asc" : " desc";
        TypedQuery<PromotionCode> q = em.createQuery("select c from PromotionCode c where " + where
                + " order by " + s.field().path + dir + ", c.id" + dir, PromotionCode.class);
        TypedQuery<Long> count = em.createQuery("select count(c) from PromotionCode c where " + where, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            count.setParameter(k, v);
        });
        q.setFirstResult(first).setMaxResults(size);
        // The page's recipients in one query (WHERE code_id IN ...), not one query per code.
        q.setHint("eclipselink.batch", "c.recipients").setHint("eclipselink.batch.type", "IN");
        List<PromotionCode> items = q.getResultList();
        items.forEach(c -> c.getRecipients().size());
        return new Page(items, count.getSingleResult());
    }

    /**
     * Appended to a code prefix, the greatest code starting with it: 'Z' is the last of the code characters
     * (A–Z, 0–9) in every collation, and no code is longer than {@value PromotionCodes#MAX_LENGTH}.
     */
    private static final String PREFIX_CEILING = "Z".repeat(PromotionCodes.MAX_LENGTH);

    private String where(Site site, Filter f, Map<String, Object> params) {
        ZoneId zone = site.getTimeZone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<String> w = new ArrayList<>();
        w.add("c.site.id = :site");
        params.put("site", site.getId());
        if (f.createdFrom() != null) {
            w.add("c.createdAt >= :from");
            params.put("from", f.createdFrom().atStartOfDay(zone).toInstant());
        }
        if (f.createdTo() != null) {
            w.add("c.createdAt < :to");
            params.put("to", f.createdTo().plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (f.code() != null && !f.code().isBlank()) {
            // The range lets the unique index (site_id, code) serve the prefix search in any collation and with
            // a generic (parameterised) plan, which a bare LIKE cannot; the LIKE keeps the match exact.
            String prefix = PromotionCodes.normalize(f.code());
            w.add("c.code >= :codeFrom and c.code <= :codeTo and c.code like :code escape '\\'");
            params.put("codeFrom", prefix);
            params.put("codeTo", prefix + PREFIX_CEILING);
            params.put("code", escape(prefix) + "%");
        }
        if (f.recipient() != null && !f.recipient().isBlank()) {
            w.add("exists (select r.id from PromotionCodeRecipient r where r.code = c and "
                    + "(r.emailKey like :rcp escape '\\' or lower(r.name) like :rcp escape '\\'))");
            params.put("rcp", escape(f.recipient().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (f.status() != null) {
            String usedUp = "(c.usageLimit is not null and c.usedCount >= c.usageLimit)";
            String expired = "c.expiresOn < :today";
            if (f.status() == CodeStatus.EXPIRED || f.status() == CodeStatus.ACTIVE) {
                params.put("today", today);
            }
            switch (f.status()) {
                case DELETED -> w.add("c.deletedAt is not null");
                case USED_UP -> w.add("c.deletedAt is null and " + usedUp);
                case EXPIRED -> w.add("c.deletedAt is null and not " + usedUp + " and " + expired);
                case ACTIVE -> w.add("c.deletedAt is null and not " + usedUp + " and c.expiresOn >= :today");
            }
        }
        return String.join(" and ", w);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The audit action of an extension; its changes are each extended code with its old and new expiry date. */
    public static final String EXTEND = "promotion-codes.extend";

    /** The audit action of a deletion; its detail lists the codes deleted. */
    public static final String DELETE = "promotion-codes.delete";

    /**
     * Moves the expiry of every listed code to {@code date} (MISSION.md M9 "extend the expiration date"; API.md
     * {@code POST /api/v1/promotion-codes/extension}). Refused whole when the date is before today (site time zone), a
     * code is unknown, a code is deleted, or a code already expires after {@code date} (that would shorten it, which is
     * not an extension: {@code validation.promotion.extendEarlier} on {@code expiresOn}). Codes that already expire on
     * {@code date} are left alone and not counted. The codes moved are recorded as one {@link #EXTEND} entry (detail
     * {@code "CODE: 2027-01-31 -> 2027-12-31, ..."}, changes: field the code, old and new the ISO dates); nothing is
     * recorded when no code moved.
     *
     * @param actor who asks (an administrator's e-mail, or {@link org.eventcommerce.domain.audit.AuditLog#PLATFORM_API})
     * @return how many codes were extended (their date moved)
     */
    @Transactional
    public int extend(Site site, List<String> codes, LocalDate date, String actor) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), site.getTimeZone());
        List<FieldError> errors = new ArrayList<>();
        if (date == null) {
            errors.add(new FieldError("expiresOn", "validation.required"));
        } else if (date.isBefore(today)) {
            errors.add(new FieldError("expiresOn", "validation.promotion.expiresInPast", today));
        }
        List<PromotionCode> found = load(site, codes, errors);
        List<org.eventcommerce.domain.audit.FieldChange> changes = extension(found, date, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (changes.isEmpty()) {
            return 0;
        }
        for (PromotionCode c : found) {
            c.extendTo(date);
        }
        audit.record(site, actor, EXTEND, String.join(", ", changes.stream()
                .map(c -> c.field() + ": " + c.oldValue() + " -> " + c.newValue()).toList()), changes);
        return changes.size();
    }

    /**
     * What extending {@code found} to {@code date} changes: each code whose expiry moves, as a change of field
     * {@code <code>} from its ISO date to {@code date}'s; codes already expiring on {@code date} are no change. Adds an
     * error on {@code codes} per deleted code ({@code validation.promotion.deletedCode}) and on {@code expiresOn} per
     * code expiring after {@code date} ({@code validation.promotion.extendEarlier}: the code and its date).
     */
    static List<org.eventcommerce.domain.audit.FieldChange> extension(List<PromotionCode> found, LocalDate date,
                                                                      List<FieldError> errors) {
        List<org.eventcommerce.domain.audit.FieldChange> changes = new ArrayList<>();
        for (PromotionCode c : found) {
            if (c.isDeleted()) {
                errors.add(new FieldError("codes", "validation.promotion.deletedCode", c.getCode()));
            } else if (date != null && c.getExpiresOn().isAfter(date)) {
                errors.add(new FieldError("expiresOn", "validation.promotion.extendEarlier", c.getCode(),
                        c.getExpiresOn()));
            } else if (date != null && !c.getExpiresOn().equals(date)) {
                changes.add(new org.eventcommerce.domain.audit.FieldChange(c.getCode(), c.getExpiresOn().toString(),
                        date.toString()));
            }
        }
        return changes;
    }

    /**
     * Deletes every listed code; codes deleted already stay as they were and are not counted. Refused whole when a
     * code is unknown. The codes deleted now are recorded as one {@link #DELETE} entry (detail: the codes); nothing is
     * recorded when none was.
     *
     * @return how many codes were deleted now
     */
    @Transactional
    public int delete(Site site, List<String> codes, String actor) {
        List<FieldError> errors = new ArrayList<>();
        List<PromotionCode> found = load(site, codes, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.instant();
        List<String> deleted = found.stream().filter(c -> c.delete(now)).map(PromotionCode::getCode).toList();
        if (!deleted.isEmpty()) {
            audit.record(site, actor, DELETE, String.join(", ", deleted));
        }
        return deleted.size();
    }

    private List<PromotionCode> load(Site site, List<String> codes, List<FieldError> errors) {
        if (codes == null || codes.isEmpty()) {
            errors.add(new FieldError("codes", "validation.required"));
            return List.of();
        }
        List<PromotionCode> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String raw : codes) {
            String code = PromotionCodes.normalize(raw);
            if (code == null || !seen.add(code)) {
                continue;
            }
            List<PromotionCode> hit = em.createQuery("select c from PromotionCode c where c.site.id = :s and c.code = :c",
                    PromotionCode.class).setParameter("s", site.getId()).setParameter("c", code).getResultList();
            if (hit.isEmpty()) {
                errors.add(new FieldError("codes", "validation.promotion.unknownCode", code));
            } else {
                out.add(hit.get(0));
            }
        }
        return out;
    }
}
