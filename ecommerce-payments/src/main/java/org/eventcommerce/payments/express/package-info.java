/**
 * PayPal Express Checkout over the classic NVP API (US and Canada, "Grant API permission"): the platform calls
 * with its own API credentials (USER/PWD/SIGNATURE) and names the merchant in {@code SUBJECT}
 * (paypal-protocols.md §3.1-§3.7).
 *
 * <p>One job per class:
 * <ul>
 *   <li>{@link org.eventcommerce.payments.express.UrlEncodedNvp}: name/value pairs to and from the URL-encoded
 *       body classic NVP uses (not Payflow's length tags, §3.1);</li>
 *   <li>{@link org.eventcommerce.payments.express.ExpressScrubber}: PWD and SIGNATURE out of anything logged;</li>
 *   <li>{@link org.eventcommerce.payments.express.ExpressRequests}: the fields of each API operation, in order;</li>
 *   <li>{@link org.eventcommerce.payments.express.ExpressResultMapper}: ACK, L_ERRORCODEn, payment statuses and
 *       transport failures to an {@link org.eventcommerce.payments.express.ExpressOutcome};</li>
 *   <li>{@link org.eventcommerce.payments.express.ExpressCheckoutConnector}: the HTTP exchange and one method per
 *       operation with a typed result.</li>
 * </ul>
 *
 * <p>Sources are cited as in {@code reference/paypal-protocols.md}: [EC-2012] Express Checkout Integration Guide
 * (April 2012), [DEV] developer.paypal.com NVP/SOAP pages (operation references and
 * {@code /api/nvp-soap/troubleshooting/<code>}), [NVP-2013] Name-Value Pair API Developer Guide (Feb 2013).
 */
package org.eventcommerce.payments.express;
