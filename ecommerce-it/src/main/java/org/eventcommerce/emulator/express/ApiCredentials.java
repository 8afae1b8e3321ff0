package org.eventcommerce.emulator.express;

import java.util.Objects;

/**
 * The platform's classic API credentials the emulator accepts (signature type: USER, PWD, SIGNATURE; §3.1). Any other
 * combination answers 10002 "Security header is not valid". Defaults: {@value #DEFAULT_USER} /
 * {@value #DEFAULT_PASSWORD} / {@value #DEFAULT_SIGNATURE} (public test values, not secrets).
 */
public record ApiCredentials(String user, String password, String signature) {

    public static final String DEFAULT_USER = "platform_api1.demo.example";
    public static final String DEFAULT_PASSWORD = "EMULATOR7Q4K2W9D";
    public static final String DEFAULT_SIGNATURE = "Emulator-Signature.AFcWxV21C7fd0v3bYYYRCpSSRl31A";

    /** The defaults above. */
    public static final ApiCredentials DEFAULTS = new ApiCredentials(DEFAULT_USER, DEFAULT_PASSWORD, DEFAULT_SIGNATURE);

    public ApiCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(signature, "signature");
    }

    /** Exact, case-sensitive comparison; null never matches. */
    public boolean matches(String otherUser, String otherPassword, String otherSignature) {
        return user.equals(otherUser) && password.equals(otherPassword) && signature.equals(otherSignature);
    }

    @Override
    public String toString() {
        return "ApiCredentials[user=" + user + ", password=****, signature=****]";
    }
}
