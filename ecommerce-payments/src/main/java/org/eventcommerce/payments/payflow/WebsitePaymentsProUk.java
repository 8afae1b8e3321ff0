package org.eventcommerce.payments.payflow;

import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.eventcommerce.payments.CardBrand;

/**
 * Website Payments Pro (UK): Payflow with another partner, currency and card set (§2; DESIGN.md "Connectors": "Website
 * Payments Pro UK is Payflow whose partner defaults to {@code PayPalUK} and currency to GBP, both still the
 * administrator's settings"). The same {@link PayflowConnector} serves it; only the defaults below differ.
 */
public final class WebsitePaymentsProUk {

    /**
     * PARTNER for accounts bought from PayPal UK: "If you purchased your account directly from PayPal, use PayPalUK"
     * [UK Website Payments Pro Developer's Guide 2007 p.17; §2]. Case-sensitive, as documented (ActiveMerchant spells
     * it {@code PayPalUk}; whether the server accepts both is unsure).
     */
    public static final String PARTNER = "PayPalUK";

    /** The default currency (§2; ActiveMerchant's PayflowUk default). */
    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("GBP");

    /** CURRENCY values the UK product takes: USD, EUR, GBP, CAD, JPY, AUD [UK 2007 guide p.26; §2]. */
    public static final Set<Currency> CURRENCIES = Set.of(Currency.getInstance("USD"), Currency.getInstance("EUR"),
            Currency.getInstance("GBP"), Currency.getInstance("CAD"), Currency.getInstance("JPY"),
            Currency.getInstance("AUD"));

    /**
     * The card brands of the product spec, "Visa/Debit/Electron and MasterCard" (§2 "Card brands"), in display
     * order. Visa Debit (formerly Delta) and Visa Electron cannot be told from Visa by number prefix
     * ({@link CardBrand#detect} reports them as VISA).
     */
    public static final List<CardBrand> CARD_BRANDS = List.of(CardBrand.VISA, CardBrand.VISA_DEBIT,
            CardBrand.VISA_ELECTRON, CardBrand.MASTERCARD);

    private WebsitePaymentsProUk() {
    }

    /**
     * Credentials with PARTNER {@value #PARTNER}.
     *
     * @param vendor   the merchant login
     * @param user     the user, or null/blank for the vendor
     * @param password the password
     * @throws NullPointerException when vendor or password is null
     */
    public static PayflowCredentials credentials(String vendor, String user, String password) {
        return new PayflowCredentials(PARTNER, vendor, user, password);
    }

    /**
     * Whether the UK product takes payments in {@code currency}.
     *
     * @param currency any currency, not null
     * @return true for the six currencies of {@link #CURRENCIES}
     */
    public static boolean allows(Currency currency) {
        return CURRENCIES.contains(Objects.requireNonNull(currency, "currency"));
    }
}
