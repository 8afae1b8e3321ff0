/**
 * The classic NVP Express Checkout part of the PayPal emulator: {@code POST /nvp} (SetExpressCheckout,
 * GetExpressCheckoutDetails, DoExpressCheckoutPayment, DoCapture, DoVoid, RefundTransaction, GetTransactionDetails),
 * the buyer's approval page {@code /cgi-bin/webscr?cmd=_express-checkout&token=...}, and test controls under
 * {@code /control/ec/}. Written from PayPal's guides as summarized in {@code reference/paypal-protocols.md} §3
 * (cited as §3.x), with its own URL-encoded parser and writer; it shares no code with the connectors.
 *
 * <p>Entry point: {@link org.eventcommerce.emulator.express.ExpressCheckoutEmulator}.
 */
package org.eventcommerce.emulator.express;
