package org.eventcommerce.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.ZoneId;
import org.eventcommerce.domain.account.Account;
import org.eventcommerce.domain.common.BaseEntity;
import org.eventcommerce.domain.offering.Offering;
import org.eventcommerce.domain.offering.OfferingType;
import org.eventcommerce.domain.site.Service;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PurchaseOrderTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Money LIST = Money.of("25.00", "USD");

    private Site site;
    private Account attendee;
    private Offering offering;

    @BeforeEach
    void setUp() {
        site = new Site("s", "S", ZoneId.of("UTC"), NOW);
        Account host = new Account(site, "host@example.com", "Host", NOW);
        attendee = new Account(site, "ann@example.com", "Ann", NOW);
        offering = new Offering(site, "ev-1", NOW);
        offering.describe("Workshop", Service.EVENTS, OfferingType.LIVE_EVENT, host, NOW.plusSeconds(86_400), LIST,
                NOW);
    }

    private PurchaseOrder order(Money list, Money discount) {
        return new PurchaseOrder(offering, attendee, list, discount, null, NOW);
    }

    private static void setId(BaseEntity entity, long id) throws ReflectiveOperationException {
        Field f = BaseEntity.class.getDeclaredField("id");
        f.setAccessible(true);
        f.set(entity, id);
    }

    private static Object openKeyOf(PurchaseOrder o) throws ReflectiveOperationException {
        Field f = PurchaseOrder.class.getDeclaredField("openKey");
        f.setAccessible(true);
        return f.get(o);
    }

    @Test
    void newOrderAwaitsPaymentOfTheListPrice() {
        PurchaseOrder o = order(LIST, Money.zero(LIST.currency()));
        assertThat(o.getStatus()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(o.getListPrice()).isEqualTo(Money.of("25.00", "USD"));
        assertThat(o.getDiscount().toPlainString()).isEqualTo("0.00");
        assertThat(o.getTotal().toPlainString()).isEqualTo("25.00");
        assertThat(o.getRefunded().toPlainString()).isEqualTo("0.00");
        assertThat(o.getCurrency().getCurrencyCode()).isEqualTo("USD");
        assertThat(o.getSite()).isSameAs(site);
        assertThat(o.getOffering()).isSameAs(offering);
        assertThat(o.getAttendee()).isSameAs(attendee);
        assertThat(o.getCreatedAt()).isEqualTo(NOW);
        assertThat(o.getPaidAt()).isNull();
        assertThat(o.getPromotionCode()).isNull();
        assertThat(o.getPublicId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(order(LIST, Money.zero(LIST.currency())).getPublicId()).isNotEqualTo(o.getPublicId());
    }

    @Test
    void discountIsSubtracted() {
        PurchaseOrder o = new PurchaseOrder(offering, attendee, LIST, Money.of("5.00", "USD"), "SPRING5", NOW);
        assertThat(o.getListPrice().toPlainString()).isEqualTo("25.00");
        assertThat(o.getDiscount().toPlainString()).isEqualTo("5.00");
        assertThat(o.getTotal()).isEqualTo(Money.of("20.00", "USD"));
        assertThat(o.getPromotionCode()).isEqualTo("SPRING5");
    }

    @Test
    void discountAboveTheListPriceIsCappedAndTheTotalIsZero() {
        PurchaseOrder o = order(LIST, Money.of("30.00", "USD"));
        assertThat(o.getDiscount()).isEqualTo(Money.of("25.00", "USD"));
        assertThat(o.getTotal()).isEqualTo(Money.of("0.00", "USD"));
        assertThat(o.getTotal().isZero()).isTrue();
        assertThat(o.getTotal().toPlainString()).isEqualTo("0.00");
    }

    @Test
    void discountEqualToTheListPriceGivesZero() {
        PurchaseOrder o = order(LIST, Money.of("25", "USD"));
        assertThat(o.getTotal().toPlainString()).isEqualTo("0.00");
    }

    @Test
    void zeroDecimalCurrency() {
        PurchaseOrder o = order(Money.of("3000", "JPY"), Money.of("450", "JPY"));
        assertThat(o.getTotal().toPlainString()).isEqualTo("2550");
        assertThat(o.getRefunded().toPlainString()).isEqualTo("0");
        assertThat(o.getCurrency().getCurrencyCode()).isEqualTo("JPY");
    }

    @Test
    void discountInAnotherCurrencyIsRefused() {
        assertThatThrownBy(() -> order(LIST, Money.of("5", "EUR"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeDiscountIsRefused() {
        assertThatThrownBy(() -> order(LIST, Money.of("-5.00", "USD"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void markPaidOnceOnly() {
        PurchaseOrder o = order(LIST, Money.zero(LIST.currency()));
        Instant paid = NOW.plusSeconds(60);
        o.markPaid(paid, OperatingMode.TEST);
        assertThat(o.getStatus()).isEqualTo(OrderStatus.PAID);
        assertThat(o.getPaidAt()).isEqualTo(paid);
        assertThat(o.getPaidMode()).isEqualTo(OperatingMode.TEST);
        assertThatThrownBy(() -> o.markPaid(paid.plusSeconds(1), OperatingMode.PRODUCTION))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(o.getPublicId()).hasMessageContaining("PAID");
        assertThat(o.getPaidAt()).isEqualTo(paid);
        assertThat(o.getPaidMode()).isEqualTo(OperatingMode.TEST);
    }

    @Test
    void anOrderIsPaidInAKnownMode() {
        PurchaseOrder o = order(LIST, Money.zero(LIST.currency()));
        assertThat(o.getPaidMode()).isNull();
        assertThatThrownBy(() -> o.markPaid(NOW, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(o.getStatus()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        o.markPaid(NOW, OperatingMode.PRODUCTION);
        assertThat(o.getPaidMode()).isEqualTo(OperatingMode.PRODUCTION);
    }

    @Test
    void cancelAfterPaidIsRefused() throws Exception {
        setId(site, 1);
        setId(attendee, 2);
        setId(offering, 3);
        PurchaseOrder o = order(LIST, Money.zero(LIST.currency()));
        o.markPaid(NOW, OperatingMode.TEST);
        assertThatThrownBy(o::cancel).isInstanceOf(IllegalStateException.class);
        assertThat(o.getStatus()).isEqualTo(OrderStatus.PAID);
        assertThat(openKeyOf(o)).as("a paid order keeps its open key").isEqualTo("1/2/3");
    }

    @Test
    void cancelFreesTheOpenKeyAndIsFinal() throws Exception {
        setId(site, 1);
        setId(attendee, 2);
        setId(offering, 3);
        PurchaseOrder o = order(LIST, Money.zero(LIST.currency()));
        assertThat(openKeyOf(o)).isEqualTo("1/2/3");
        o.cancel();
        assertThat(o.getStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(openKeyOf(o)).isNull();
        assertThatThrownBy(o::cancel).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> o.markPaid(NOW, OperatingMode.TEST)).isInstanceOf(IllegalStateException.class);
        assertThat(o.getPaidAt()).isNull();
    }

    @Test
    void openKeyIsSiteAttendeeOffering() throws Exception {
        setId(site, 7);
        setId(attendee, 9);
        setId(offering, 8);
        assertThat(PurchaseOrder.openKey(offering, attendee)).isEqualTo("7/9/8");
        // Long ids of any size fit the 80-character column
        setId(site, Long.MAX_VALUE);
        setId(attendee, Long.MAX_VALUE);
        setId(offering, Long.MAX_VALUE);
        assertThat(PurchaseOrder.openKey(offering, attendee)).hasSizeLessThanOrEqualTo(80);
    }

    @Test
    void openKeyOfUnsavedEntitiesHasNoIds() {
        // in memory, before persist, the ids are null: the key is meaningless until the rows exist
        assertThat(PurchaseOrder.openKey(offering, attendee)).isEqualTo("null/null/null");
    }

    @Test
    void orderStatusOpenOrPaid() {
        assertThat(OrderStatus.AWAITING_PAYMENT.isOpenOrPaid()).isTrue();
        assertThat(OrderStatus.PAID.isOpenOrPaid()).isTrue();
        assertThat(OrderStatus.PARTIALLY_REFUNDED.isOpenOrPaid()).isTrue();
        assertThat(OrderStatus.REFUNDED.isOpenOrPaid()).isFalse();
        assertThat(OrderStatus.CANCELLED.isOpenOrPaid()).isFalse();
        assertThat(OrderStatus.EXPIRED.isOpenOrPaid()).isFalse();
    }

    @Test
    void offeringKeepsItsFee() {
        assertThat(offering.getFee()).contains(LIST);
        assertThat(offering.getSite()).isSameAs(site);
        offering.changeFee(null, NOW);
        assertThat(offering.getFee()).isEmpty();
    }

    @Test
    void refundsMoveThePaidOrderToPartiallyRefundedThenRefundedAndFreeTheAttendee() throws Exception {
        PurchaseOrder o = order(LIST, Money.zero(LIST.currency()));
        o.markPaid(NOW, OperatingMode.TEST);
        assertThat(o.recordRefund(Money.of("10.00", "USD"), LIST)).isFalse();
        assertThat(o.getStatus()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(o.getRefunded()).isEqualTo(Money.of("10.00", "USD"));
        assertThat(openKeyOf(o)).isNotNull();
        assertThat(o.recordRefund(Money.of("15.00", "USD"), LIST)).isTrue();
        assertThat(o.getStatus()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(openKeyOf(o)).as("a refunded order no longer blocks a new one").isNull();
        assertThatThrownBy(() -> o.recordRefund(Money.of("1.00", "USD"), LIST))
                .isInstanceOf(IllegalStateException.class);
        PurchaseOrder unpaid = order(LIST, Money.zero(LIST.currency()));
        assertThatThrownBy(() -> unpaid.recordRefund(Money.of("1.00", "USD"), LIST))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCodeEnteredOnThePaymentPagePricesTheSameOrderAgain() {
        PurchaseOrder o = order(LIST, Money.zero(LIST.currency()));
        String id = o.getPublicId();
        o.reprice(Money.of("30.00", "USD"), Money.of("7.50", "USD"), "SPRING25");
        assertThat(o.getPublicId()).isEqualTo(id);
        assertThat(o.getListPrice()).isEqualTo(Money.of("30.00", "USD"));
        assertThat(o.getDiscount()).isEqualTo(Money.of("7.50", "USD"));
        assertThat(o.getTotal()).isEqualTo(Money.of("22.50", "USD"));
        assertThat(o.getPromotionCode()).isEqualTo("SPRING25");
        // A discount above the price makes it free, never negative; removing the code restores the price.
        o.reprice(LIST, Money.of("40.00", "USD"), "BIG");
        assertThat(o.getDiscount()).isEqualTo(Money.of("25.00", "USD"));
        assertThat(o.getTotal()).isEqualTo(Money.of("0.00", "USD"));
        o.reprice(LIST, Money.zero(LIST.currency()), null);
        assertThat(o.getTotal()).isEqualTo(LIST);
        assertThat(o.getPromotionCode()).isNull();
    }

    @Test
    void onlyAnUnpaidOrderIsPricedAgainAndOnlyInItsCurrency() {
        PurchaseOrder o = order(LIST, Money.zero(LIST.currency()));
        assertThatThrownBy(() -> o.reprice(Money.of("25.00", "EUR"), Money.zero(java.util.Currency.getInstance("EUR")),
                null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.reprice(LIST, Money.of("-1.00", "USD"), null))
                .isInstanceOf(IllegalArgumentException.class);
        o.markPaid(NOW, OperatingMode.TEST);
        assertThatThrownBy(() -> o.reprice(LIST, Money.of("5.00", "USD"), "LATE"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(o.getTotal()).isEqualTo(LIST);
    }
}
