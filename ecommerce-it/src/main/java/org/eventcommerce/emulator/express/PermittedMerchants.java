package org.eventcommerce.emulator.express;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The merchants who granted the platform API permission ("Grant API permission", §3.2), by PayPal login e-mail
 * (case-insensitive), each with its account country. A call whose SUBJECT is not here answers 10002 "You do not have
 * permissions to make this API call". Thread-safe.
 *
 * <p>Defaults: {@value #DEFAULT_US} (US) and {@value #DEFAULT_CA} (CA).
 */
public final class PermittedMerchants {

    public static final String DEFAULT_US = "merchant@demo.example";
    public static final String DEFAULT_CA = "merchant.ca@demo.example";

    private final Map<String, String> countryByEmail = new ConcurrentSkipListMap<>();

    /** A list with the two defaults. */
    public static PermittedMerchants defaults() {
        return new PermittedMerchants().permit(DEFAULT_US, "US").permit(DEFAULT_CA, "CA");
    }

    /** An empty list. */
    public static PermittedMerchants none() {
        return new PermittedMerchants();
    }

    /**
     * Adds (or re-countries) a merchant.
     *
     * @param email   the PayPal login e-mail
     * @param country ISO 3166 alpha-2 country of the account, e.g. {@code US}, {@code CA}
     * @throws IllegalArgumentException for a blank e-mail or a country that is not two letters
     */
    public PermittedMerchants permit(String email, String country) {
        if (email == null || email.isBlank() || !email.contains("@")) {
            throw new IllegalArgumentException("not an e-mail: " + email);
        }
        if (country == null || !country.matches("[A-Za-z]{2}")) {
            throw new IllegalArgumentException("country must be two letters: " + country);
        }
        countryByEmail.put(key(email), country.toUpperCase(Locale.ROOT));
        return this;
    }

    /** Removes a merchant; true if it was there. */
    public boolean revoke(String email) {
        return email != null && countryByEmail.remove(key(email)) != null;
    }

    /** The account country of a permitted merchant, empty when it granted nothing. */
    public Optional<String> country(String email) {
        return email == null ? Optional.empty() : Optional.ofNullable(countryByEmail.get(key(email)));
    }

    /** The permitted e-mails (lower case), sorted. */
    public List<String> emails() {
        return List.copyOf(countryByEmail.keySet());
    }

    /** Lines {@code email country}, sorted. */
    public List<String> describe() {
        return countryByEmail.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    }

    /** Forgets everyone. */
    public void clear() {
        countryByEmail.clear();
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
