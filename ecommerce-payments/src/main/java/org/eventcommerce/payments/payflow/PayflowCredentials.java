package org.eventcommerce.payments.payflow;

import java.util.Objects;

/**
 * Payflow account credentials: PARTNER, VENDOR (merchant login), USER and PWD [PFP-2009 Table 4.1]. All are
 * case-sensitive. {@link #toString()} never shows the password.
 */
public record PayflowCredentials(String partner, String vendor, String user, String password) {

    public PayflowCredentials {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(password, "password");
        if (user == null || user.isBlank()) {
            user = vendor; // "USER equals VENDOR unless extra users were created"
        }
    }

    @Override
    public String toString() {
        return "PayflowCredentials[partner=" + partner + ", vendor=" + vendor + ", user=" + user + ", password=****]";
    }
}
