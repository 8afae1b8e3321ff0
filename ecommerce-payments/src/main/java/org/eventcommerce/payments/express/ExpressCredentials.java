package org.eventcommerce.payments.express;

import java.util.Objects;

/**
 * The platform's own classic API credentials (signature type) for one operating mode: {@code USER},
 * {@code PWD}, {@code SIGNATURE} [EC-2012 App. B; §3.1]. They come from server configuration, one set per mode
 * (DESIGN.md "Credentials and modes"); sandbox and live sets differ.
 *
 * <p>{@link #toString()} shows the user name only; password and signature are never printed.
 *
 * @param username  API user name, e.g. {@code platform_api1.example.com}
 * @param password  API password
 * @param signature API signature
 */
public record ExpressCredentials(String username, String password, String signature) {

    /**
     * @throws NullPointerException     when a part is null
     * @throws IllegalArgumentException when a part is blank
     */
    public ExpressCredentials {
        requireText(username, "username");
        requireText(password, "password");
        requireText(signature, "signature");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return "ExpressCredentials[username=" + username + ", password=****, signature=****]";
    }
}
