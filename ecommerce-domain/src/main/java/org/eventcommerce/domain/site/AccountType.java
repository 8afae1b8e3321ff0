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

    /** UK Payflow edition brands [MISSION.md M7; paypal-protocols.md §2]. */
    private static final List<CardBrand> UK_BRANDS = List.of(CardBrand.VISA, CardBrand.VISA_DEBIT,
            CardBrand.VISA_ELECTRON, CardBrand.MASTERCARD);

    /**
     * The account types {@code provider} offers (MISSION.md M4, M7): Payflow Pro all three; Website Payments Pro
     * (UK) the hosted page and its Payflow edition; Express Checkout none (no card field at all).
     */
    public static List<AccountType> offeredBy(ProviderType provider) {
        if (provider == null) {
            return List.of();
        }
        return switch (provider) {
            case PAYFLOW_PRO -> List.of(values());
            case WEBSITE_PAYMENTS_PRO_UK -> List.of(WEBSITE_PAYMENTS_PRO, PAYMENTS_PRO_PAYFLOW_EDITION);
            case EXPRESS_CHECKOUT_US, EXPRESS_CHECKOUT_CA -> List.of();
        };
    }

    /**
     * The brands this account type may accept with {@code provider}: for Website Payments Pro (UK), Payflow
     * edition means Visa, Visa Debit, Visa Electron and MasterCard (M7); otherwise {@link #brands()}.
     */
    public List<CardBrand> brands(ProviderType provider) {
        if (provider == ProviderType.WEBSITE_PAYMENTS_PRO_UK && this == PAYMENTS_PRO_PAYFLOW_EDITION) {
            return UK_BRANDS;
        }
        return brands;
    }

    /** The bundle key of this type's name with {@code provider} (the UK names its Payflow edition apart). */
    public String labelKey(ProviderType provider) {
        return provider == ProviderType.WEBSITE_PAYMENTS_PRO_UK ? "accountType.UK." + name()
                : "accountType." + name();
    }
}
