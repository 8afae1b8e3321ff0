package org.eventcommerce.domain.payment;

import java.util.Set;

/**
 * How to explain a refused payment to the payer. Some Payflow RESULT codes say the merchant's own set-up is
 * wrong (credentials, account features, request format), not the card: the payer must not be told their card
 * was declined [PFP-2009 Table 6.9; reference/paypal-protocols.md §1.6 "Treat as" column].
 */
public final class PaymentOutcomes {

    /** RESULT codes that point at the merchant's configuration or our request, not at the card. */
    private static final Set<String> MERCHANT_SETUP = Set.of("1", "3", "4", "5", "6", "7", "8", "9", "10", "25", "26",
            "27", "28", "29", "100", "101", "121");

    private PaymentOutcomes() {
    }

    /** True when {@code resultCode} means the merchant's set-up failed, not the payer's card. */
    public static boolean isMerchantSetupProblem(String resultCode) {
        return resultCode != null && MERCHANT_SETUP.contains(resultCode);
    }
}
