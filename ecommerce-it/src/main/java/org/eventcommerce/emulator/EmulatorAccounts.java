package org.eventcommerce.emulator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The merchant accounts the emulator accepts, and the public test credentials.
 *
 * <p>Any other combination of PARTNER/VENDOR/USER/PWD answers RESULT 1 "User authentication failed"
 * (paypal-protocols.md §1.6 and the pilot trigger "1 → invalid PWD" in §1.10). The registry is open:
 * {@link #register(MerchantAccount)} adds more, e.g. a {@code PayPalUK} partner account (§2).
 */
public final class EmulatorAccounts {

    /** Test PARTNER: PayPal-sold accounts use {@code PayPal} (§1.4). */
    public static final String PARTNER = "PayPal";
    /** Test VENDOR (merchant login). */
    public static final String VENDOR = "demomerchant";
    /** Test USER (equals VENDOR). */
    public static final String USER = "demomerchant";
    /** Test PWD (6-32 characters, §1.4). */
    public static final String PWD = "emulator-pw1";

    /** The default test account built from the constants above. */
    public static final MerchantAccount DEMO = new MerchantAccount(PARTNER, VENDOR, USER, PWD);

    /**
     * A Website Payments Pro (UK) test account: PARTNER {@code PayPalUK} (§2), VENDOR/USER {@code demouk}, the same
     * password as {@link #DEMO}.
     */
    public static final MerchantAccount DEMO_UK = new MerchantAccount("PayPalUK", "demouk", "demouk", PWD);

    /**
     * Stands for a merchant's live account in tests of Production mode (PayPal's test and live accounts differ):
     * PARTNER {@code PayPal}, VENDOR/USER {@code livemerchant}, PWD {@code live-pw-123}.
     */
    public static final MerchantAccount LIVE = new MerchantAccount(PARTNER, "livemerchant", "livemerchant",
            "live-pw-123");

    private final CopyOnWriteArrayList<MerchantAccount> accounts = new CopyOnWriteArrayList<>();

    /** A registry holding {@link #DEMO}, {@link #DEMO_UK} and {@link #LIVE}. */
    public static EmulatorAccounts defaults() {
        EmulatorAccounts registry = new EmulatorAccounts();
        registry.register(DEMO);
        registry.register(DEMO_UK);
        registry.register(LIVE);
        return registry;
    }

    /** Adds an account (ignored if the same account is already there). */
    public EmulatorAccounts register(MerchantAccount account) {
        accounts.addIfAbsent(account);
        return this;
    }

    /** The account these credentials log in to, if any. */
    public Optional<MerchantAccount> authenticate(String partner, String vendor, String user, String password) {
        return accounts.stream().filter(a -> a.matches(partner, vendor, user, password)).findFirst();
    }

    /** The accounts registered so far. */
    public List<MerchantAccount> all() {
        return List.copyOf(accounts);
    }
}
