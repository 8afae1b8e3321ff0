package org.eventcommerce.domain.offering;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eventcommerce.domain.account.Account;
import org.eventcommerce.domain.account.AccountService;
import org.eventcommerce.domain.account.Role;
import org.eventcommerce.domain.common.NotFoundException;
import org.eventcommerce.domain.common.Problems;
import org.eventcommerce.domain.common.Texts;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.Service;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.money.Money;

/** Creates offerings, and lets hosts put a fee on them (MISSION.md M2). */
@ApplicationScoped
public class OfferingService {

    /**
     * The largest fee: PayPal refuses a single payment above 10,000 USD "in any currency" [WPPPF-2009 Table
     * 3.2 "AMT"]; we apply the figure in the fee's own currency.
     */
    public static final java.math.BigDecimal MAX_FEE = new java.math.BigDecimal("10000.00");

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    SettingsService settings;

    @Inject
    Clock clock;

    /** The described offering for {@code PUT /api/v1/offerings/{id}}. */
    public record OfferingInput(String title, Service service, OfferingType type, String hostEmail,
                                Instant startsAt, Money fee) {
    }

    /** Result of an upsert: the offering and whether it was created. */
    public record Upsert(Offering offering, boolean created) {
    }

    /** The offering with the platform id {@code externalId}, if any. */
    @Transactional
    public Optional<Offering> find(long siteId, String externalId) {
        return em.createQuery("select o from Offering o where o.site.id = :s and o.externalId = :e", Offering.class)
                .setParameter("s", siteId).setParameter("e", externalId).getResultStream().findFirst();
    }

    /** @throws NotFoundException when absent */
    @Transactional
    public Offering get(long siteId, String externalId) {
        return find(siteId, externalId).orElseThrow(() -> new NotFoundException("Offering"));
    }

    /**
     * Creates or replaces the offering {@code externalId}; creates the host account when missing.
     *
     * @throws ValidationException for a missing title/service/type, a bad host e-mail, a start time on a
     *                             recording, or a fee that is not positive or in a currency the provider refuses
     */
    @Transactional
    public Upsert upsert(Site site, String externalId, OfferingInput in) {
        List<FieldError> errors = check(site, externalId, in);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Account host = accounts.findOrCreate(site, "host", in.hostEmail(), null, Role.HOST);
        Optional<Offering> existing = find(site.getId(), externalId);
        Offering o = existing.orElseGet(() -> new Offering(site, externalId, clock.instant()));
        o.describe(in.title().strip(), in.service(), in.type(), host, in.startsAt(), in.fee(), clock.instant());
        if (existing.isEmpty()) {
            em.persist(o);
        }
        return new Upsert(o, existing.isEmpty());
    }

    /**
     * Every rule {@link #upsert} checks, without writing: so a caller that found other faults (a malformed
     * body) can report all of them at once. Fields left null are reported as required.
     */
    @Transactional
    public List<FieldError> check(Site site, String externalId, OfferingInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (externalId == null || !externalId.matches("[A-Za-z0-9._:-]{1,64}")) {
            errors.add(new FieldError("id", "validation.offering.id"));
        }
        if (Texts.clean(in.title()) == null) {
            errors.add(new FieldError("title", "validation.required"));
        } else if (in.title().length() > 300) {
            errors.add(new FieldError("title", "validation.length.max", 300));
        }
        if (in.service() == null) {
            errors.add(new FieldError("service", "validation.required"));
        }
        if (in.type() == null) {
            errors.add(new FieldError("type", "validation.required"));
        } else if (in.type() == OfferingType.RECORDING && in.startsAt() != null) {
            errors.add(new FieldError("startsAt", "validation.offering.recordingStart"));
        }
        if (!Texts.isEmail(Texts.clean(in.hostEmail()))) {
            errors.add(new FieldError("host", "validation.email.format"));
        }
        feeErrors(site.getId(), "fee", in.fee(), errors);
        return errors;
    }

    /**
     * The host sets or removes ({@code fee} null) the fee of one of their offerings.
     *
     * @throws NotFoundException   when the offering is not the host's
     * @throws ValidationException when the fee is not positive or its currency is not the provider's
     */
    @Transactional
    public Offering changeFee(Account host, String externalId, Money fee) {
        Offering o = get(host.getSite().getId(), externalId);
        if (!o.getHost().getId().equals(host.getId())) {
            throw Problems.forbidden("Not your offering");
        }
        List<FieldError> errors = new ArrayList<>();
        feeErrors(host.getSite().getId(), "fee", fee, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        o.changeFee(fee, clock.instant());
        return o;
    }

    /** The offerings a host owns, by title. */
    @Transactional
    public List<Offering> ofHost(Account host) {
        return em.createQuery("select o from Offering o where o.host.id = :h order by o.title", Offering.class)
                .setParameter("h", host.getId()).getResultList();
    }

    /** Offerings with a fee in a service that takes payments, by title. */
    @Transactional
    public List<Offering> forSale(long siteId) {
        CommerceConfiguration c = settings.get(siteId);
        return em.createQuery("select o from Offering o where o.site.id = :s and o.feeAmount is not null "
                        + "order by o.title", Offering.class)
                .setParameter("s", siteId).getResultStream().filter(o -> c.isEnabled(o.getService())).toList();
    }

    private void feeErrors(long siteId, String field, Money fee, List<FieldError> errors) {
        if (fee == null) {
            return;
        }
        if (!fee.isPositive()) {
            errors.add(new FieldError(field + ".amount", "validation.fee.positive"));
        } else if (fee.amount().compareTo(MAX_FEE) > 0) {
            errors.add(new FieldError(field + ".amount", "validation.fee.max", MAX_FEE.toPlainString()));
        }
        CommerceConfiguration c = settings.get(siteId);
        String code = fee.currency().getCurrencyCode();
        if (c.getProviderType() != null && !c.getCurrency().getCurrencyCode().equals(code)) {
            errors.add(new FieldError(field + ".currency", "validation.fee.currency",
                    c.getCurrency().getCurrencyCode()));
        }
    }
}
