package org.eventcommerce.web.portal.promotion;

import java.io.Serializable;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.eventcommerce.domain.promotion.AppliesTo;
import org.eventcommerce.domain.promotion.CodeStatus;
import org.eventcommerce.domain.promotion.Discount;
import org.eventcommerce.domain.promotion.PromotionCode;
import org.eventcommerce.domain.promotion.UsageType;
import org.eventcommerce.domain.site.Service;
import org.eventcommerce.web.portal.Formats;

/**
 * One promotion code as the report shows it and the CSV export writes it: a serializable snapshot of a
 * {@link PromotionCode} (the view keeps rows between requests), with its status as of when it was read.
 */
public final class CodeRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final Service service;
    private final List<Person> recipients;
    private final Discount.Type discountType;
    private final BigDecimal discountAmount;
    private final String discountCurrency;
    private final BigDecimal discountPercent;
    private final UsageType usageType;
    private final Integer usageLimit;
    private final int used;
    private final int reserved;
    private final LocalDate expiresOn;
    private final AppliesTo appliesTo;
    private final Instant createdAt;
    private final CodeStatus status;

    /** A recipient of the code: who it was mailed to. */
    public record Person(String name, String email) implements Serializable {
    }

    CodeRow(PromotionCode c, Instant now, ZoneId zone) {
        code = c.getCode();
        service = c.getService();
        recipients = c.getRecipients().stream().map(r -> new Person(r.getName(), r.getEmail())).toList();
        Discount d = c.getDiscount();
        discountType = d.type();
        discountAmount = d.type() == Discount.Type.FIXED ? d.amount().amount() : null;
        discountCurrency = d.type() == Discount.Type.FIXED ? d.amount().currency().getCurrencyCode() : null;
        discountPercent = d.type() == Discount.Type.PERCENT ? d.percent() : null;
        usageType = c.getUsageType();
        usageLimit = c.getUsageLimit();
        used = c.getUsedCount();
        reserved = c.getReservedCount();
        expiresOn = c.getExpiresOn();
        appliesTo = c.getAppliesTo();
        createdAt = c.getCreatedAt();
        status = c.status(now, zone);
    }

    /** The discount for the reader: {@code 10.00 USD} (locale's separators) or {@code 15%} / {@code 15 %}. */
    public String discount(Locale locale) {
        if (discountType == Discount.Type.FIXED) {
            return Formats.money(discountAmount, Currency.getInstance(discountCurrency), locale);
        }
        return percent(discountPercent, locale);
    }

    /** {@code p} (0–100) as a percentage in {@code locale}, with up to 2 decimals. */
    static String percent(BigDecimal p, Locale locale) {
        if (p == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(2);
        return f.format(p.movePointLeft(2));
    }

    public String getCode() {
        return code;
    }

    public Service getService() {
        return service;
    }

    public List<Person> getRecipients() {
        return recipients;
    }

    public Discount.Type getDiscountType() {
        return discountType;
    }

    public BigDecimal getDiscountAmount() {
        return discountAmount;
    }

    public String getDiscountCurrency() {
        return discountCurrency;
    }

    public BigDecimal getDiscountPercent() {
        return discountPercent;
    }

    public UsageType getUsageType() {
        return usageType;
    }

    /** The usage limit, or null for unlimited. */
    public Integer getUsageLimit() {
        return usageLimit;
    }

    /** Confirmed uses. */
    public int getUsed() {
        return used;
    }

    /** Uses held by unpaid orders. */
    public int getReserved() {
        return reserved;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public AppliesTo getAppliesTo() {
        return appliesTo;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public CodeStatus getStatus() {
        return status;
    }

    public boolean isDeleted() {
        return status == CodeStatus.DELETED;
    }
}
