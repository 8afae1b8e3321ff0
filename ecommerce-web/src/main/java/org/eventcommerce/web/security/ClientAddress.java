package org.eventcommerce.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The client's address for throttling failed sign-ins and promotion-code guesses (issue 5). Directly connected, it
 * is the socket's peer. Behind load balancers or reverse proxies listed in {@code ecommerce.trusted-proxies}
 * ({@code ECOMMERCE_TRUSTED_PROXIES}: IP addresses exactly as the server sees them, comma-separated; none by default)
 * it is taken from {@code X-Forwarded-For}: the right-most entry that is not a trusted proxy, since each proxy appends
 * the address it received the request from and only the trusted ones' appends can be believed (a client may send any
 * left part). Without that setting everyone behind one proxy would share one address and its limit. A header from a
 * peer that is not trusted is ignored, and so is an entry that is not an IP literal (then the peer's address counts).
 */
public final class ClientAddress {

    /** IPv4 or IPv6 literal characters only, at most 45 (the longest IPv6 text form). */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientAddress() {
    }

    /** The client address of {@code request}, with the configured trusted proxies. */
    public static String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For") == null ? null
                : String.join(",", java.util.Collections.list(request.getHeaders("X-Forwarded-For"))),
                trustedProxies());
    }

    /**
     * The client address.
     *
     * @param peer           the socket peer's address
     * @param forwardedFor   the {@code X-Forwarded-For} values joined by commas, or null
     * @param trustedProxies the peers whose {@code X-Forwarded-For} is believed
     * @return {@code peer} unless it is trusted and the header names an untrusted address to its right-most end
     */
    static String of(String peer, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!LITERAL.matcher(hop).matches()) {
                return peer;
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    /** {@code ecommerce.trusted-proxies} as a set. */
    static Set<String> trustedProxies() {
        return ConfigProvider.getConfig().getOptionalValue("ecommerce.trusted-proxies", String.class)
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }
}
