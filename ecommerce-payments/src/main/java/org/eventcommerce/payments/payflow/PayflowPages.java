package org.eventcommerce.payments.payflow;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.eventcommerce.payments.OperatingMode;

/**
 * Where the buyer's browser is sent in the two redirect flows of Payflow: the hosted checkout page of a
 * Secure Token (§1.7) and PayPal's Express Checkout approval page (§1.9). Both bases are configurable so that
 * tests and demos can point at the emulator.
 *
 * @param mode            TEST adds {@code MODE=TEST} to the hosted-page URL
 * @param hostedPage      base of the hosted checkout page, without query; PayPal's is {@link #HOSTED_PAGE}
 * @param expressCheckout base of the Express Checkout approval page, without query; PayPal's are
 *                        {@link #EXPRESS_CHECKOUT_SANDBOX} and {@link #EXPRESS_CHECKOUT_LIVE}
 */
public record PayflowPages(OperatingMode mode, URI hostedPage, URI expressCheckout) {

    /**
     * PayPal's hosted checkout host (Payflow Link), live [Gateway Developer Guide 31 July 2012 p.29; §1.1]. In
     * Test mode the same host is used with {@code MODE=TEST}; PayPal also runs
     * {@link #PILOT_HOSTED_PAGE} (§1.1: which of the two PayPal prefers for tests is "unsure").
     */
    public static final URI HOSTED_PAGE = URI.create("https://payflowlink.paypal.com");
    /** PayPal's pilot hosted-page host (§1.1, Adobe Commerce {@code getPayflowLinkToken} example). */
    public static final URI PILOT_HOSTED_PAGE = URI.create("https://pilot-payflowlink.paypal.com");
    /** Express Checkout approval page for Payflow EC in Test mode [PFP-EC p.13, p.52; §1.1]. */
    public static final URI EXPRESS_CHECKOUT_SANDBOX = URI.create("https://www.sandbox.paypal.com/cgi-bin/webscr");
    /** Express Checkout approval page for Payflow EC, live [PFP-EC p.13; §1.1]. */
    public static final URI EXPRESS_CHECKOUT_LIVE = URI.create("https://www.paypal.com/cgi-bin/webscr");

    public PayflowPages {
        Objects.requireNonNull(mode, "operating mode is not set");
        Objects.requireNonNull(hostedPage, "hostedPage");
        Objects.requireNonNull(expressCheckout, "expressCheckout");
        if (hostedPage.getRawQuery() != null || expressCheckout.getRawQuery() != null) {
            throw new IllegalArgumentException("page bases take no query");
        }
    }

    /**
     * PayPal's pages for {@code mode}: {@link #HOSTED_PAGE} for both modes, and the sandbox or live Express
     * Checkout page.
     *
     * @throws NullPointerException when the mode is unset (never silently Test)
     */
    public static PayflowPages defaults(OperatingMode mode) {
        return switch (Objects.requireNonNull(mode, "operating mode is not set")) {
            case TEST -> new PayflowPages(mode, HOSTED_PAGE, EXPRESS_CHECKOUT_SANDBOX);
            case PRODUCTION -> new PayflowPages(mode, HOSTED_PAGE, EXPRESS_CHECKOUT_LIVE);
        };
    }

    /**
     * The URL to send the buyer to for a created Secure Token:
     * {@code <hostedPage>?SECURETOKEN=<token>&SECURETOKENID=<id>} plus {@code &MODE=TEST} in Test mode. Values are
     * URL-encoded (a token holds base64 {@code +} and {@code =}, §1.5). PayPal's guide also allows a form POST of the
     * same two fields (§1.7 step 3); a GET with the query is what this returns.
     *
     * @param secureToken   the SECURETOKEN from the answer (up to 32 characters)
     * @param secureTokenId the SECURETOKENID we sent (up to 36 characters)
     * @return an absolute URI
     */
    public URI hostedPageUrl(String secureToken, String secureTokenId) {
        Objects.requireNonNull(secureToken, "secureToken");
        Objects.requireNonNull(secureTokenId, "secureTokenId");
        return URI.create(hostedPage + "?SECURETOKEN=" + encode(secureToken) + "&SECURETOKENID=" + encode(secureTokenId)
                + (mode == OperatingMode.TEST ? "&MODE=TEST" : ""));
    }

    /**
     * The URL to send the buyer to after SetExpressCheckout:
     * {@code <expressCheckout>?cmd=_express-checkout&token=<TOKEN>} [PFP-EC p.13; §1.9]. PayPal recommends an
     * HTTP 302 with this Location.
     *
     * @param token the EC token ({@code EC-…}, 20 characters)
     * @return an absolute URI
     */
    public URI expressCheckoutUrl(String token) {
        Objects.requireNonNull(token, "token");
        return URI.create(expressCheckout + "?cmd=_express-checkout&token=" + encode(token));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
