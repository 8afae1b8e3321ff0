package org.eventcommerce.domain.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.eventcommerce.domain.site.Service;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.money.Money;
import org.junit.jupiter.api.Test;

/** Pure rules of {@link PromotionCode} (no database): expiry in the site's zone, status precedence, discount. */
class PromotionCodeRulesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");
    private static final Instant CREATED = Instant.parse("2026-06-01T12:00:00Z");

    private static PromotionCode code(LocalDate expiresOn, Discount discount, UsageType usage, Integer limit) {
        Site site = new Site("s", "S", NEW_YORK, Instant.now());
        return new PromotionCode(site, "SPRING26", Service.EVENTS, CodeType.CUSTOM, discount, usage, limit,
                expiresOn, AppliesTo.ALL, "batch-1", CREATED);
    }

    private static PromotionCode code(LocalDate expiresOn) {
        return code(expiresOn, Discount.percent(new BigDecimal("15")), UsageType.UNLIMITED, null);
    }

    private static void set(PromotionCode code, String field, Object value) {
        try {
            Field f = PromotionCode.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(code, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    // ---- expiry -------------------------------------------------------------------------------------

    @Test
    void validThroughTheEndOfTheExpiryDayInNewYork() {
        PromotionCode c = code(LocalDate.of(2027, 1, 31));

        assertThat(c.isExpired(at("2027-01-31T00:00:00-05:00"), NEW_YORK)).isFalse();
        assertThat(c.isExpired(at("2027-01-31T12:00:00-05:00"), NEW_YORK)).isFalse();
        assertThat(c.isExpired(at("2027-01-31T23:59:59-05:00"), NEW_YORK)).isFalse();
        assertThat(c.isExpired(at("2027-01-31T23:59:59.999999999-05:00"), NEW_YORK)).isFalse();
        assertThat(c.isExpired(at("2027-02-01T00:00:00-05:00"), NEW_YORK)).isTrue();
        assertThat(c.isExpired(Instant.parse("2027-02-01T05:00:00Z"), NEW_YORK)).isTrue();
        assertThat(c.isExpired(Instant.parse("2027-02-01T04:59:59Z"), NEW_YORK)).isFalse();
        assertThat(c.isExpired(at("2027-02-01T00:00:01-05:00"), NEW_YORK)).isTrue();
    }

    @Test
    void expiryBoundaryInstantIsExactlyMidnightAfterTheExpiryDay() {
        assertThat(at("2027-02-01T00:00:00-05:00")).isEqualTo(Instant.parse("2027-02-01T05:00:00Z"));
        assertThat(at("2027-01-31T23:59:59-05:00")).isEqualTo(Instant.parse("2027-02-01T04:59:59Z"));
    }

    @Test
    void theSiteZoneIsUsedNotUtc() {
        PromotionCode c = code(LocalDate.of(2027, 1, 31));
        // 2027-02-01T01:00Z is already Feb 1 in UTC but still Jan 31 (20:00) in New York.
        assertThat(c.isExpired(Instant.parse("2027-02-01T01:00:00Z"), NEW_YORK)).isFalse();
        assertThat(c.isExpired(Instant.parse("2027-02-01T01:00:00Z"), ZoneId.of("UTC"))).isTrue();
    }

    @Test
    void sameInstantsInBucharest() {
        PromotionCode c = code(LocalDate.of(2027, 1, 31));

        // In Bucharest (UTC+2 in winter) 2027-01-31 ends at 2027-01-31T22:00Z.
        assertThat(c.isExpired(Instant.parse("2027-01-31T21:59:59Z"), BUCHAREST)).isFalse();
        assertThat(c.isExpired(at("2027-01-31T23:59:59+02:00"), BUCHAREST)).isFalse();
        assertThat(c.isExpired(Instant.parse("2027-01-31T22:00:00Z"), BUCHAREST)).isTrue();
        assertThat(c.isExpired(at("2027-02-01T00:00:00+02:00"), BUCHAREST)).isTrue();
        // The New York boundary instants are both past the end of Jan 31 in Bucharest.
        assertThat(c.isExpired(at("2027-01-31T23:59:59-05:00"), BUCHAREST)).isTrue();
        assertThat(c.isExpired(at("2027-02-01T00:00:00-05:00"), BUCHAREST)).isTrue();
        // ... and an instant valid in Bucharest is also valid in New York (further west).
        assertThat(c.isExpired(Instant.parse("2027-01-31T21:59:59Z"), NEW_YORK)).isFalse();
    }

    @Test
    void bucharestSummerTimeUsesUtcPlusThree() {
        PromotionCode c = code(LocalDate.of(2027, 7, 15));
        // EEST: 2027-07-15 ends at 2027-07-15T21:00Z.
        assertThat(c.isExpired(Instant.parse("2027-07-15T20:59:59Z"), BUCHAREST)).isFalse();
        assertThat(c.isExpired(Instant.parse("2027-07-15T21:00:00Z"), BUCHAREST)).isTrue();
    }

    @Test
    void dstSpringForwardDayHas23HoursInNewYork() {
        // 2027-03-14 is the US spring-forward day: 02:00 EST -> 03:00 EDT, a 23-hour day.
        LocalDate day = LocalDate.of(2027, 3, 14);
        ZonedDateTime start = day.atStartOfDay(NEW_YORK);
        ZonedDateTime end = day.plusDays(1).atStartOfDay(NEW_YORK);
        assertThat(ChronoUnit.HOURS.between(start, end)).isEqualTo(23);
        assertThat(start.toInstant()).isEqualTo(Instant.parse("2027-03-14T05:00:00Z"));
        assertThat(end.toInstant()).isEqualTo(Instant.parse("2027-03-15T04:00:00Z"));

        PromotionCode c = code(day);
        assertThat(c.isExpired(at("2027-03-14T23:59:59-04:00"), NEW_YORK)).isFalse();
        assertThat(c.isExpired(Instant.parse("2027-03-15T03:59:59Z"), NEW_YORK)).isFalse();
        assertThat(c.isExpired(at("2027-03-15T00:00:00-04:00"), NEW_YORK)).isTrue();
        assertThat(c.isExpired(Instant.parse("2027-03-15T04:00:00Z"), NEW_YORK)).isTrue();
        // start of day + 24 h would wrongly still be valid here; the real end is an hour earlier.
        assertThat(c.isExpired(Instant.parse("2027-03-15T04:30:00Z"), NEW_YORK)).isTrue();
        assertThat(c.isExpired(start.toInstant().plus(24, ChronoUnit.HOURS).minusSeconds(1), NEW_YORK)).isTrue();
    }

    @Test
    void dstFallBackDayHas25HoursInNewYork() {
        // 2027-11-07: 02:00 EDT -> 01:00 EST, a 25-hour day; ends 2027-11-08T05:00Z.
        PromotionCode c = code(LocalDate.of(2027, 11, 7));
        assertThat(c.isExpired(Instant.parse("2027-11-08T04:59:59Z"), NEW_YORK)).isFalse();
        assertThat(c.isExpired(Instant.parse("2027-11-08T05:00:00Z"), NEW_YORK)).isTrue();
    }

    // ---- status precedence --------------------------------------------------------------------------

    private static final Instant AFTER_EXPIRY = Instant.parse("2027-02-01T05:00:00Z");
    private static final Instant BEFORE_EXPIRY = Instant.parse("2027-01-15T12:00:00Z");

    @Test
    void activeWhenNothingElseApplies() {
        PromotionCode c = code(LocalDate.of(2027, 1, 31), Discount.percent(BigDecimal.TEN), UsageType.LIMITED, 3);
        set(c, "usedCount", 2);
        set(c, "reservedCount", 1);
        assertThat(c.status(BEFORE_EXPIRY, NEW_YORK)).isEqualTo(CodeStatus.ACTIVE);
        assertThat(c.isUsedUp()).isFalse();
    }

    @Test
    void expiredWhenOnlyExpired() {
        PromotionCode c = code(LocalDate.of(2027, 1, 31));
        assertThat(c.status(AFTER_EXPIRY, NEW_YORK)).isEqualTo(CodeStatus.EXPIRED);
        assertThat(c.status(at("2027-01-31T23:59:59-05:00"), NEW_YORK)).isEqualTo(CodeStatus.ACTIVE);
    }

    @Test
    void usedUpBeatsExpired() {
        PromotionCode c = code(LocalDate.of(2027, 1, 31), Discount.percent(BigDecimal.TEN), UsageType.ONCE, null);
        set(c, "usedCount", 1);
        assertThat(c.isUsedUp()).isTrue();
        assertThat(c.status(AFTER_EXPIRY, NEW_YORK)).isEqualTo(CodeStatus.USED_UP);
        assertThat(c.status(BEFORE_EXPIRY, NEW_YORK)).isEqualTo(CodeStatus.USED_UP);
    }

    @Test
    void deletedBeatsExpired() {
        PromotionCode c = code(LocalDate.of(2027, 1, 31));
        c.delete(BEFORE_EXPIRY);
        assertThat(c.isDeleted()).isTrue();
        assertThat(c.status(AFTER_EXPIRY, NEW_YORK)).isEqualTo(CodeStatus.DELETED);
        assertThat(c.status(BEFORE_EXPIRY, NEW_YORK)).isEqualTo(CodeStatus.DELETED);
    }

    @Test
    void deletedBeatsUsedUpAndExpired() {
        PromotionCode c = code(LocalDate.of(2027, 1, 31), Discount.percent(BigDecimal.TEN), UsageType.LIMITED, 2);
        set(c, "usedCount", 2);
        c.delete(BEFORE_EXPIRY);
        assertThat(c.status(AFTER_EXPIRY, NEW_YORK)).isEqualTo(CodeStatus.DELETED);
    }

    @Test
    void deletedViaReflectionAlsoWins() {
        PromotionCode c = code(LocalDate.of(2027, 1, 31));
        set(c, "deleted", true);
        assertThat(c.status(AFTER_EXPIRY, NEW_YORK)).isEqualTo(CodeStatus.DELETED);
    }

    @Test
    void usedUpCountsConfirmedUsesOnly() {
        PromotionCode c = code(LocalDate.of(2027, 1, 31), Discount.percent(BigDecimal.TEN), UsageType.LIMITED, 3);
        set(c, "usedCount", 1);
        set(c, "reservedCount", 2); // used + reserved = limit, but reservations are not confirmed uses
        assertThat(c.isUsedUp()).isFalse();
        assertThat(c.status(BEFORE_EXPIRY, NEW_YORK)).isEqualTo(CodeStatus.ACTIVE);
        assertThat(c.status(AFTER_EXPIRY, NEW_YORK)).isEqualTo(CodeStatus.EXPIRED);

        set(c, "usedCount", 3);
        set(c, "reservedCount", 0);
        assertThat(c.status(BEFORE_EXPIRY, NEW_YORK)).isEqualTo(CodeStatus.USED_UP);
    }

    @Test
    void unlimitedIsNeverUsedUp() {
        PromotionCode c = code(LocalDate.of(2027, 1, 31));
        set(c, "usedCount", 1_000_000);
        assertThat(c.getUsageLimit()).isNull();
        assertThat(c.isUsedUp()).isFalse();
        assertThat(c.status(BEFORE_EXPIRY, NEW_YORK)).isEqualTo(CodeStatus.ACTIVE);
        assertThat(c.status(AFTER_EXPIRY, NEW_YORK)).isEqualTo(CodeStatus.EXPIRED);
    }

    @Test
    void usageLimitFollowsTheUsageType() {
        LocalDate d = LocalDate.of(2027, 1, 31);
        Discount ten = Discount.percent(BigDecimal.TEN);
        assertThat(code(d, ten, UsageType.ONCE, 5).getUsageLimit()).isEqualTo(1);
        assertThat(code(d, ten, UsageType.LIMITED, 5).getUsageLimit()).isEqualTo(5);
        assertThat(code(d, ten, UsageType.UNLIMITED, 5).getUsageLimit()).isNull();
    }

    // ---- discount read back -------------------------------------------------------------------------

    @Test
    void storedPercent15ReadsBackAs15() {
        PromotionCode c = code(LocalDate.of(2027, 1, 31));
        set(c, "discountPercent", new BigDecimal("15.0000"));

        Discount d = c.getDiscount();
        assertThat(d.type()).isEqualTo(Discount.Type.PERCENT);
        assertThat(d.percent().toPlainString()).isEqualTo("15");
        assertThat(d.percent()).isEqualByComparingTo("15");
        assertThat(d.describe()).isEqualTo("15%");
        assertThat(d.off(Money.of("12.50", "USD"))).isEqualTo(Money.of("1.88", "USD"));
    }

    @Test
    void storedPercent100ReadsBackAs100() {
        PromotionCode c = code(LocalDate.of(2027, 1, 31));
        set(c, "discountPercent", new BigDecimal("100.0000"));

        Discount d = c.getDiscount();
        assertThat(d.percent().toPlainString()).isEqualTo("100");
        assertThat(d.percent().scale()).isNotNegative();
        assertThat(d.describe()).isEqualTo("100%");
        assertThat(d.off(Money.of("12.50", "USD"))).isEqualTo(Money.of("12.50", "USD"));
        assertThat(d.off(Money.of("999", "JPY"))).isEqualTo(Money.of("999", "JPY"));
    }

    @Test
    void storedPercent12Point5ReadsBackAs12Point5() {
        PromotionCode c = code(LocalDate.of(2027, 1, 31));
        set(c, "discountPercent", new BigDecimal("12.5000"));

        Discount d = c.getDiscount();
        assertThat(d.percent().toPlainString()).isEqualTo("12.5");
        assertThat(d.describe()).isEqualTo("12.5%");
        assertThat(d.off(Money.of("99.99", "GBP"))).isEqualTo(Money.of("12.50", "GBP"));
    }

    @Test
    void storedPercent10And33Point33ReadBack() {
        PromotionCode c = code(LocalDate.of(2027, 1, 31));
        set(c, "discountPercent", new BigDecimal("10.0000"));
        assertThat(c.getDiscount().percent().toPlainString()).isEqualTo("10");
        assertThat(c.getDiscount().describe()).isEqualTo("10%");

        set(c, "discountPercent", new BigDecimal("33.3300"));
        assertThat(c.getDiscount().percent().toPlainString()).isEqualTo("33.33");
        assertThat(c.getDiscount().off(Money.of("19.99", "USD"))).isEqualTo(Money.of("6.66", "USD"));

        set(c, "discountPercent", new BigDecimal("0.5000"));
        assertThat(c.getDiscount().describe()).isEqualTo("0.5%");
    }

    @Test
    void percentFromConstructorReadsBack() {
        PromotionCode c = code(LocalDate.of(2027, 1, 31), Discount.percent(new BigDecimal("12.50")),
                UsageType.UNLIMITED, null);
        assertThat(c.getDiscount().describe()).isEqualTo("12.5%");
        assertThat(c.getDiscount().type()).isEqualTo(Discount.Type.PERCENT);
    }

    @Test
    void fixedReadsBackAsMoney() {
        PromotionCode c = code(LocalDate.of(2027, 1, 31), Discount.fixed(Money.of("10.00", "USD")),
                UsageType.UNLIMITED, null);
        Discount d = c.getDiscount();
        assertThat(d.type()).isEqualTo(Discount.Type.FIXED);
        assertThat(d.amount()).isEqualTo(Money.of("10.00", "USD"));
        assertThat(d.describe()).isEqualTo("10.00 USD");
        assertThat(d).isEqualTo(Discount.fixed(Money.of("10.00", "USD")));

        // As a numeric(12,2)-ish column might read it back with a different scale.
        set(c, "discountAmount", new BigDecimal("10.0000"));
        assertThat(c.getDiscount().amount()).isEqualTo(Money.of("10.00", "USD"));
        assertThat(c.getDiscount().describe()).isEqualTo("10.00 USD");
    }
}
