package org.eventcommerce.domain.promotion;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.eventcommerce.domain.common.BaseEntity;
import org.eventcommerce.domain.site.Service;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.money.Money;

/**
 * A bearer promotion code of one site (DESIGN.md vocabulary). The string is stored normalized
 * ({@link PromotionCodes#normalize}) and unique per site for ever: rows are never deleted, only flagged.
 * {@code usedCount} counts confirmed uses and {@code reservedCount} uses held by unpaid orders; the database
 * guarantees {@code used + reserved ≤ limit} (a check constraint, and the conditional update of
 * {@link RedemptionService}).
 */
@Entity
@Table(name = "promotion_code")
public class PromotionCode extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_id")
    private Site site;

    @Column(nullable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Service service;

    @Enumerated(EnumType.STRING)
    @Column(name = "code_type", nullable = false)
    private CodeType codeType;

    @Enumerated(EnumType.STRING)
    @Column(name = "discount_type", nullable = false)
    private Discount.Type discountType;

    @Column(name = "discount_amount")
    private BigDecimal discountAmount;

    @Column(name = "discount_currency")
    private String discountCurrency;

    @Column(name = "discount_percent")
    private BigDecimal discountPercent;

    @Enumerated(EnumType.STRING)
    @Column(name = "usage_type", nullable = false)
    private UsageType usageType;

    @Column(name = "usage_limit")
    private Integer usageLimit;

    @Column(name = "used_count", nullable = false)
    private int usedCount;

    @Column(name = "reserved_count", nullable = false)
    private int reservedCount;

    /** Valid through the end of this day in the site's time zone. */
    @Column(name = "expires_on", nullable = false)
    private LocalDate expiresOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "applies_to", nullable = false)
    private AppliesTo appliesTo;

    @Column(nullable = false)
    private boolean deleted;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "batch_id", nullable = false)
    private String batchId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "code", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<PromotionCodeRecipient> recipients = new ArrayList<>();

    @Version
    private long version;

    protected PromotionCode() {
    }

    /**
     * @param code      normalized
     * @param limit     the usage limit: 1 for ONCE, ≥ 1 for LIMITED, null for UNLIMITED
     */
    public PromotionCode(Site site, String code, Service service, CodeType codeType, Discount discount,
                         UsageType usageType, Integer limit, LocalDate expiresOn, AppliesTo appliesTo,
                         String batchId, Instant now) {
        this.site = site;
        this.code = code;
        this.service = service;
        this.codeType = codeType;
        this.discountType = discount.type();
        if (discount.type() == Discount.Type.FIXED) {
            this.discountAmount = discount.amount().amount();
            this.discountCurrency = discount.amount().currency().getCurrencyCode();
        } else {
            this.discountPercent = discount.percent();
        }
        this.usageType = usageType;
        this.usageLimit = usageType == UsageType.ONCE ? Integer.valueOf(1) : usageType == UsageType.UNLIMITED ? null
                : limit;
        this.expiresOn = expiresOn;
        this.appliesTo = appliesTo;
        this.batchId = batchId;
        this.createdAt = now;
    }

    /** Adds a recipient (who the code is mailed to). */
    public void addRecipient(String email, String name) {
        recipients.add(new PromotionCodeRecipient(this, email, name));
    }

    /** The status as of {@code now} in {@code zone} (API.md: first of DELETED, USED_UP, EXPIRED, ACTIVE). */
    public CodeStatus status(Instant now, ZoneId zone) {
        if (deleted) {
            return CodeStatus.DELETED;
        }
        if (isUsedUp()) {
            return CodeStatus.USED_UP;
        }
        if (isExpired(now, zone)) {
            return CodeStatus.EXPIRED;
        }
        return CodeStatus.ACTIVE;
    }

    /** True once {@code now} is past the end of {@link #expiresOn} in {@code zone}. */
    public boolean isExpired(Instant now, ZoneId zone) {
        return !now.isBefore(expiresOn.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** True when confirmed uses have reached the limit. */
    public boolean isUsedUp() {
        return usageLimit != null && usedCount >= usageLimit;
    }

    /** Moves the expiry date (the caller checks it is not in the past and the code is not deleted). */
    public void extendTo(LocalDate date) {
        this.expiresOn = date;
    }

    /**
     * Marks the code deleted: it can no longer be used; the string stays taken.
     *
     * @return true when the code was deleted now, false when it was deleted already (nothing changes)
     */
    public boolean delete(Instant now) {
        if (deleted) {
            return false;
        }
        deleted = true;
        deletedAt = now;
        return true;
    }

    public Discount getDiscount() {
        return discountType == Discount.Type.FIXED
                ? Discount.fixed(new Money(discountAmount, Currency.getInstance(discountCurrency)))
                : Discount.percent(discountPercent.stripTrailingZeros().scale() < 0
                ? discountPercent.setScale(0) : discountPercent.stripTrailingZeros());
    }

    public Site getSite() {
        return site;
    }

    public String getCode() {
        return code;
    }

    public Service getService() {
        return service;
    }

    public CodeType getCodeType() {
        return codeType;
    }

    public UsageType getUsageType() {
        return usageType;
    }

    public Integer getUsageLimit() {
        return usageLimit;
    }

    public int getUsedCount() {
        return usedCount;
    }

    public int getReservedCount() {
        return reservedCount;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public AppliesTo getAppliesTo() {
        return appliesTo;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public String getBatchId() {
        return batchId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<PromotionCodeRecipient> getRecipients() {
        return List.copyOf(recipients);
    }
}
