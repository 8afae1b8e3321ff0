package org.eventcommerce.emulator.express;

/**
 * The buyer who approves every checkout in the emulator: {@value #EMAIL}, PayerID {@value #PAYER_ID}, a verified US
 * account (PayerID is 13 characters, as PayPal's).
 */
final class Buyer {

    static final String EMAIL = "buyer@demo.example";
    static final String PAYER_ID = "DEMOBUYER0001";
    static final String FIRST_NAME = "Demo";
    static final String LAST_NAME = "Buyer";
    static final String COUNTRY = "US";

    /** Marks {@code checkout} approved by this buyer; the caller holds the store lock. */
    void approve(Checkout checkout) {
        checkout.payerId = PAYER_ID;
        checkout.payerEmail = EMAIL;
        checkout.needsApproval = false;
        checkout.cancelled = false;
    }
}
