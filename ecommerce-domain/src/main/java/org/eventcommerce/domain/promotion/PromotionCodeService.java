package org.eventcommerce.domain.promotion;

import org.eventcommerce.domain.security.AttemptThrottle;
import org.eventcommerce.domain.security.FailedAttempt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.domain.offering.Offering;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.money.Money;

/**
 * Creates, finds, prices, extends and deletes promotion codes (MISSION.md M8, M9). Creation checks every rule
 * first and writes nothing at all when one is broken (no partial batch, no mail).
 */
@ApplicationScoped
public class PromotionCodeService {

    /** Currencies a fixed discount may be in (MISSION.md M8). */
    public static final Set<String> DISCOUNT_CURRENCIES = Set.of("USD", "CAD", "GBP");
    /** The most codes one request may create. */
    public static final int MAX_CODES_PER_REQUEST = 10_000;
    /** The most generated codes per recipient (or in all without recipients). */
    public static final int MAX_QUANTITY = 10_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    SettingsService settings;

    @Inject
    Clock clock;

    @Inject
    PromotionCodeWriter writer;

    @Inject
    AttemptThrottle throttle;

    /** Candidates per uniqueness query (well under every database's bind-parameter limit). */
    private static final int EXISTING_CHUNK = 1_000;
    /**
     * EclipseLink's hint to send this query's values as SQL literals. The candidates are our own codes (alphabet
     * letters and digits only), never user input. Bound, the {@code IN} list makes PostgreSQL's JDBC driver
     * prepare the statement server-side after five runs; PostgreSQL then keeps a generic plan made while the
     * table was small (a sequential scan testing each row against the 1,000 parameters one by one), and bulk
     * creation slowed from 0.15 s to 3 s per 1,000 codes as the table grew (BENCHMARKS.md, benchmark 1). With
     * literals each run is planned with its values, and the list is hashed.
     */
    private static final String INLINE_PARAMETERS = "eclipselink.jdbc.bind-parameters";
    /** Rounds of drawing again for clashing candidates before giving up. */
    private static final int MAX_GENERATION_ROUNDS = 10;

    private final CodeGenerator generator = new CodeGenerator();

    /**
     * One created code and whom it is for. The code object is not managed by the persistence context (the rows
     * are written by {@link PromotionCodeWriter}); load it again by its string where an entity is needed.
     */
    public record Created(PromotionCode code, List<Recipient> recipients) {
    }

    /** The outcome of a create: the batch id (for mail progress) and the codes. */
    public record Batch(String batchId, List<Created> codes) {
    }

    /** What a code takes off an offering's price (API.md Quotes). */
    public record Quote(Money listPrice, Money discount, Money total, PromotionCode code) {
    }

    /**
     * Validates and creates the codes of {@code request} in one transaction.
     *
     * @throws org.eventcommerce.domain.common.BusinessException {@code /problems/promotion-codes-disabled}
     * @throws ValidationException listing every broken rule; nothing is written
     */
    @Transactional
    public Batch create(Site site, CreateCodes r) {
        CommerceConfiguration config = settings.get(site.getId());
        if (!config.isPromotionCodesEnabled()) {
            throw PromotionProblems.disabled();
        }
        List<FieldError> errors = new ArrayList<>();
        List<Recipient> recipients = List.of();
        try {
            recipients = RecipientFile.ofTyped(r.recipients());
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (r.service() == null) {
            errors.add(new FieldError("service", "validation.required"));
        }
        if (r.appliesTo() == null) {
            errors.add(new FieldError("appliesTo", "validation.required"));
        }
        Integer limit = usageLimit(r, errors);
        Discount discount = discount(r, errors);
        LocalDate today = LocalDate.now(clock.withZone(site.getTimeZone()));
        if (r.expiresOn() == null) {
            errors.add(new FieldError("expiresOn", "validation.required"));
        } else if (r.expiresOn().isBefore(today)) {
            errors.add(new FieldError("expiresOn", "validation.promotion.expiresInPast", today));
        }
        List<String> strings = new ArrayList<>();
        int codesWanted = 0;
        if (r.codeType() == null) {
            errors.add(new FieldError("codeType", "validation.required"));
        } else if (r.codeType() == CodeType.CUSTOM) {
            String custom = PromotionCodes.normalize(r.customCode());
            if (custom == null || custom.isEmpty()) {
                errors.add(new FieldError("customCode", "validation.required"));
            } else if (!PromotionCodes.isValidCustom(custom)) {
                errors.add(new FieldError("customCode", "validation.promotion.customFormat"));
            } else if (exists(site.getId(), custom)) {
                errors.add(new FieldError("customCode", "validation.promotion.customTaken", custom));
            } else {
                strings.add(custom);
            }
        } else {
            int quantity = r.quantity() == null ? 1 : r.quantity();
            boolean quantityOk = quantity >= 1 && quantity <= MAX_QUANTITY;
            if (!quantityOk) {
                errors.add(new FieldError("quantity", "validation.promotion.quantity", MAX_QUANTITY));
            }
            if (r.codeLength() == null || r.codeLength() < PromotionCodes.MIN_LENGTH
                    || r.codeLength() > PromotionCodes.MAX_LENGTH) {
                errors.add(new FieldError("codeLength", "validation.promotion.codeLength",
                        PromotionCodes.MIN_LENGTH, PromotionCodes.MAX_LENGTH));
            }
            codesWanted = recipients.isEmpty() ? quantity : quantity * recipients.size();
            // Only for a quantity in range: one message on the field, not two (fresh-user trial, quantity 100000).
            if (quantityOk && codesWanted > MAX_CODES_PER_REQUEST) {
                errors.add(new FieldError("quantity", "validation.promotion.tooManyCodes", codesWanted,
                        MAX_CODES_PER_REQUEST));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (r.codeType() == CodeType.GENERATED) {
            try {
                strings.addAll(generateUnique(site.getId(), codesWanted, r.codeLength()));
            } catch (IllegalStateException exhausted) {
                throw ValidationException.of("codeLength", "validation.promotion.codeSpace", r.codeLength());
            }
        }
        String batchId = UUID.randomUUID().toString();
        List<Created> created = new ArrayList<>();
        if (r.codeType() == CodeType.CUSTOM) {
            created.add(new Created(newCode(site, strings.get(0), r, discount, limit, batchId), recipients));
        } else if (recipients.isEmpty()) {
            for (String s : strings) {
                created.add(new Created(newCode(site, s, r, discount, limit, batchId), List.of()));
            }
        } else {
            int perRecipient = r.quantity() == null ? 1 : r.quantity();
            int i = 0;
            for (Recipient p : recipients) {
                for (int k = 0; k < perRecipient; k++) {
                    created.add(new Created(newCode(site, strings.get(i++), r, discount, limit, batchId), List.of(p)));
                }
            }
        }
        writer.insert(created.stream().map(c -> new PromotionCodeWriter.Row(c.code(), c.recipients())).toList());
        return new Batch(batchId, created);
    }

    /**
     * Finds a usable code for {@code offering} and prices it; creates and reserves nothing.
     *
     * @param raw the code as typed (normalized here)
     * @throws org.eventcommerce.domain.common.BusinessException the promotion-code problem that applies:
     *         disabled, unknown, deleted, used up, expired, not applicable, currency mismatch
     */
    @Transactional
    public Quote quote(Site site, Offering offering, Money listPrice, String raw) {
        return quote(site, offering, listPrice, raw, List.of());
    }

    /**
     * {@link #quote(Site, Offering, Money, String)} for a caller whose guesses are throttled: while one of
     * {@code who} has too many failures, the code is not even looked up; a code that does not exist is recorded as
     * a failure of each of {@code who} in {@code site} ({@link AttemptThrottle}: counted per site).
     *
     * @throws org.eventcommerce.domain.security.TooManyAttemptsException {@code /problems/too-many-attempts} (429)
     */
    @Transactional
    public Quote quote(Site site, Offering offering, Money listPrice, String raw, List<FailedAttempt.Subject> who) {
        CommerceConfiguration config = settings.get(site.getId());
        if (!config.isPromotionCodesEnabled()) {
            throw PromotionProblems.disabled();
        }
        throttle.check(FailedAttempt.Kind.PROMOTION_CODE, site.getId(), who);
        String normalized = PromotionCodes.normalize(raw);
        Optional<PromotionCode> found = find(site.getId(), normalized);
        if (found.isEmpty()) {
            if (!who.isEmpty()) {
                throttle.recordFailure(FailedAttempt.Kind.PROMOTION_CODE, site.getId(), who, normalized);
            }
            throw PromotionProblems.unknown();
        }
        PromotionCode code = found.get();
        if (code.isDeleted()) {
            throw PromotionProblems.deleted(code.getCode());
        }
        Integer limit = code.getUsageLimit();
        if (limit != null && code.getUsedCount() + code.getReservedCount() >= limit) {
            throw code.getUsedCount() >= limit ? PromotionProblems.usedUp(code.getCode())
                    : PromotionProblems.allReserved(code.getCode());
        }
        if (code.isExpired(clock.instant(), site.getTimeZone())) {
            throw PromotionProblems.expired(code.getCode());
        }
        if (code.getService() != offering.getService()) {
            throw PromotionProblems.forOtherService(code.getCode(), code.getService());
        }
        if (!code.getAppliesTo().covers(offering.getType())) {
            throw PromotionProblems.forOtherType(code.getCode(), code.getAppliesTo());
        }
        Discount d = code.getDiscount();
        if (!d.appliesToCurrency(listPrice)) {
            throw PromotionProblems.currencyMismatch(code.getCode(), d.amount().currency().getCurrencyCode(),
                    listPrice.currency().getCurrencyCode());
        }
        Money off = d.off(listPrice);
        return new Quote(listPrice, off, listPrice.minus(off), code);
    }

    /** The code with normalized string {@code code} in the site, deleted or not. */
    @Transactional
    public Optional<PromotionCode> find(long siteId, String code) {
        if (code == null || code.isEmpty()) {
            return Optional.empty();
        }
        return em.createQuery("select c from PromotionCode c where c.site.id = :s and c.code = :c",
                PromotionCode.class).setParameter("s", siteId).setParameter("c", code).getResultStream().findFirst();
    }

    /**
     * {@code count} generated codes that no code of the site has (deleted ones included), checked set-wise:
     * one {@code IN} query per {@value #EXISTING_CHUNK} candidates instead of one query per code. Candidates
     * found taken are drawn again and checked again.
     *
     * @throws IllegalStateException when the codes of {@code length} are running out (see
     *         {@link CodeGenerator#generate}) or {@value #MAX_GENERATION_ROUNDS} rounds still found clashes
     */
    private List<String> generateUnique(long siteId, int count, int length) {
        Set<String> accepted = new LinkedHashSet<>();
        Set<String> taken = new HashSet<>();
        for (int round = 0; accepted.size() < count; round++) {
            if (round == MAX_GENERATION_ROUNDS) {
                throw new IllegalStateException("Promotion codes of length " + length + " are running out");
            }
            List<String> candidates = generator.generate(count - accepted.size(), length,
                    s -> taken.contains(s) || accepted.contains(s));
            Set<String> clashes = existing(siteId, candidates);
            taken.addAll(clashes);
            for (String c : candidates) {
                if (!clashes.contains(c)) {
                    accepted.add(c);
                }
            }
        }
        return List.copyOf(accepted);
    }

    /** The codes among {@code candidates} the site already has, deleted or not. */
    private Set<String> existing(long siteId, List<String> candidates) {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < candidates.size(); from += EXISTING_CHUNK) {
            List<String> chunk = candidates.subList(from, Math.min(candidates.size(), from + EXISTING_CHUNK));
            found.addAll(em.createQuery("select c.code from PromotionCode c where c.site.id = :s and c.code in :c",
                    String.class).setParameter("s", siteId).setParameter("c", chunk)
                    .setHint(INLINE_PARAMETERS, "false").getResultList());
        }
        return found;
    }

    private boolean exists(long siteId, String code) {
        return !em.createQuery("select c.id from PromotionCode c where c.site.id = :s and c.code = :c", Long.class)
                .setParameter("s", siteId).setParameter("c", code).setMaxResults(1).getResultList().isEmpty();
    }

    private PromotionCode newCode(Site site, String s, CreateCodes r, Discount discount, Integer limit,
                                  String batchId) {
        return new PromotionCode(site, s, r.service(), r.codeType(), discount, r.usage(), limit, r.expiresOn(),
                r.appliesTo(), batchId, clock.instant());
    }

    private static Integer usageLimit(CreateCodes r, List<FieldError> errors) {
        if (r.usage() == null) {
            errors.add(new FieldError("usage.type", "validation.required"));
            return null;
        }
        return switch (r.usage()) {
            case ONCE -> 1;
            case UNLIMITED -> null;
            case LIMITED -> {
                if (r.usageLimit() == null || r.usageLimit() < 1) {
                    errors.add(new FieldError("usage.limit", "validation.promotion.usageLimit"));
                    yield null;
                }
                yield r.usageLimit();
            }
        };
    }

    private static Discount discount(CreateCodes r, List<FieldError> errors) {
        if (r.discountType() == null) {
            errors.add(new FieldError("discount.type", "validation.required"));
            return null;
        }
        if (r.discountType() == Discount.Type.FIXED) {
            Money m = r.discountAmount();
            if (m == null) {
                errors.add(new FieldError("discount.amount", "validation.required"));
                return null;
            }
            if (!DISCOUNT_CURRENCIES.contains(m.currency().getCurrencyCode())) {
                errors.add(new FieldError("discount.amount.currency", "validation.promotion.discountCurrency"));
                return null;
            }
            if (!m.isPositive()) {
                errors.add(new FieldError("discount.amount.amount", "validation.promotion.discountPositive"));
                return null;
            }
            return Discount.fixed(m);
        }
        BigDecimal p = r.discountPercent();
        if (p == null) {
            errors.add(new FieldError("discount.percent", "validation.required"));
            return null;
        }
        if (p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) > 0 || p.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("discount.percent", "validation.promotion.percent"));
            return null;
        }
        return Discount.percent(p.stripTrailingZeros().scale() < 0 ? p.setScale(0) : p.stripTrailingZeros());
    }
}
