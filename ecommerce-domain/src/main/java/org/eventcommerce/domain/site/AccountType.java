package org.eventcommerce.domain.site;

import java.util.List;
import org.eventcommerce.payments.CardBrand;

/**
 * Payflow account types (MISSION.md M4): the type decides whether the payment page shows a card field and
 * which brands it may offer.
 */
public enum AccountType {
    /** Payment on PayPal's hosted page: no card field. */
    WEBSITE_PAYMENTS_PRO(List.of()),
    /** PayPal Payments Pro / Website Payments Pro Payflow edition. */
    PAYMENTS_PRO_PAYFLOW_EDITION(List.of(CardBrand.VISA, CardBrand.MASTERCARD, CardBrand.AMEX, CardBrand.DISCOVER)),
    /** Payflow Pro: adds Diners Club and JCB. */
    PAYFLOW_PRO(List.of(CardBrand.VISA, CardBrand.MASTERCARD, CardBrand.AMEX, CardBrand.DISCOVER, CardBrand.DINERS,
            CardBrand.JCB));

    private final List<CardBrand> brands;

    AccountType(List<CardBrand> brands) {
        this.brands = brands;
    }

    /** The brands this account type may accept; empty when the payment page has no card field. */
    public List<CardBrand> brands() {
        return brands;
    }

    public boolean hasCardField() {
        return !brands.isEmpty();
    }
}
