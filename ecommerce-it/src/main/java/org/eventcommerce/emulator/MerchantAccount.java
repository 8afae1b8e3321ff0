package org.eventcommerce.emulator;

import java.util.Objects;

/**
 * One Payflow merchant login: PARTNER, VENDOR, USER and PWD, all case-sensitive
 * (paypal-protocols.md §1.4, PFP-2009 Table 4.1). USER equals VENDOR unless extra users were created.
 */
public record MerchantAccount(String partner, String vendor, String user, String password) {

    public MerchantAccount {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** Whether the four credentials match exactly. */
    public boolean matches(String partner, String vendor, String user, String password) {
        return this.partner.equals(partner) && this.vendor.equals(vendor)
                && this.user.equals(user) && this.password.equals(password);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "MerchantAccount[partner=" + partner + ", vendor=" + vendor + ", user=" + user + "]";
    }
}
