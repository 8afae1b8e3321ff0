/**
 * The PayPal Payflow Pro (Payflow Gateway) connector, speaking the NVP protocol directly over HTTPS without
 * PayPal's SDK.
 *
 * <p>One job per class:
 * <ul>
 *   <li>{@link org.eventcommerce.payments.payflow.NvpEncoder}: ordered name/value pairs to a length-tagged,
 *       ASCII-only request body;</li>
 *   <li>{@link org.eventcommerce.payments.payflow.NvpDecoder}: a response body (tagged or untagged pairs) to an
 *       ordered map, or {@link org.eventcommerce.payments.payflow.NvpFormatException};</li>
 *   <li>{@link org.eventcommerce.payments.payflow.NvpScrubber}: secrets out of anything that is logged;</li>
 *   <li>{@link org.eventcommerce.payments.payflow.PayflowRequestBuilder}: a
 *       {@link org.eventcommerce.payments.PaymentRequest} to the request fields, in order;</li>
 *   <li>{@link org.eventcommerce.payments.payflow.PayflowResultMapper}: RESULT codes, inquiry answers,
 *       duplicates and transport failures to a {@link org.eventcommerce.payments.PaymentResult};</li>
 *   <li>{@link org.eventcommerce.payments.payflow.PayflowConnector}: the HTTP exchange; also the redirect flows
 *       and the connection check:
 *       {@link org.eventcommerce.payments.payflow.PayflowConnector#createSecureToken} (hosted checkout page, §1.7),
 *       {@link org.eventcommerce.payments.payflow.PayflowConnector#setExpressCheckout},
 *       {@link org.eventcommerce.payments.payflow.PayflowConnector#getExpressCheckoutDetails},
 *       {@link org.eventcommerce.payments.payflow.PayflowConnector#doExpressCheckoutPayment} (TENDER=P, §1.9),
 *       {@link org.eventcommerce.payments.payflow.PayflowConnector#testConnection} (inquiry on a made-up PNREF);</li>
 *   <li>{@link org.eventcommerce.payments.payflow.PayflowPages}: where buyers are sent (hosted page, EC approval);</li>
 *   <li>{@link org.eventcommerce.payments.payflow.HostedPageReturn}: checks the browser return and the silent post of
 *       the hosted page against the attempt (a mismatch is never paid);</li>
 *   <li>{@link org.eventcommerce.payments.payflow.WebsitePaymentsProUk}: partner, currencies and brands of the UK
 *       product (§2).</li>
 * </ul>
 *
 * <p>Sources are cited as in {@code reference/paypal-protocols.md}: [PFP-2009] Payflow Pro Developer's Guide
 * (Oct 2009), [WPPPF-2009] Website Payments Pro Payflow Edition Developer's Guide, the Gateway Developer Guide
 * 2014 appendix "Posting Transactions Directly Without the Payflow SDK", and [SDK] PayPal's
 * {@code paypal/payflow-gateway} Java SDK. Section numbers such as "§1.3" refer to that file.
 */
package org.eventcommerce.payments.payflow;
