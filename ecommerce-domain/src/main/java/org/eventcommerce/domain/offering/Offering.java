package org.eventcommerce.domain.offering;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.eventcommerce.domain.account.Account;
import org.eventcommerce.domain.common.BaseEntity;
import org.eventcommerce.domain.site.Service;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.money.Money;

/**
 * A scheduled event, training session, recording or program of one host, with an optional fee. An
 * offering without a fee is free; with a fee, access needs a paid order (MISSION.md M2).
 * {@code externalId} is the platform's id (the {@code {id}} of {@code /api/v1/offerings/{id}}).
 */
@Entity
@Table(name = "offering")
public class Offering extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_id")
    private Site site;

    @Column(name = "external_id", nullable = false)
    private String externalId;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Service service;

    @Enumerated(EnumType.STRING)
    @Column(name = "offering_type", nullable = false)
    private OfferingType type;

    @ManyToOne(optional = false)
    @JoinColumn(name = "host_id")
    private Account host;

    @Column(name = "starts_at")
    private Instant startsAt;

    @Column(name = "fee_amount")
    private BigDecimal feeAmount;

    @Column(name = "fee_currency")
    private String feeCurrency;

    @Version
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Offering() {
    }

    public Offering(Site site, String externalId, Instant now) {
        this.site = site;
        this.externalId = externalId;
        this.updatedAt = now;
    }

    /** Replaces every described field (the API's PUT). */
    public void describe(String title, Service service, OfferingType type, Account host, Instant startsAt,
                         Money fee, Instant now) {
        this.title = title;
        this.service = service;
        this.type = type;
        this.host = host;
        this.startsAt = startsAt;
        changeFee(fee, now);
    }

    /** Sets the fee, or removes it with null. */
    public void changeFee(Money fee, Instant now) {
        this.feeAmount = fee == null ? null : fee.amount();
        this.feeCurrency = fee == null ? null : fee.currency().getCurrencyCode();
        this.updatedAt = now;
    }

    public Site getSite() {
        return site;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getTitle() {
        return title;
    }

    public Service getService() {
        return service;
    }

    public OfferingType getType() {
        return type;
    }

    public Account getHost() {
        return host;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    /** The fee, or empty when the offering is free. */
    public Optional<Money> getFee() {
        return feeAmount == null ? Optional.empty()
                : Optional.of(new Money(feeAmount, Currency.getInstance(feeCurrency)));
    }
}
