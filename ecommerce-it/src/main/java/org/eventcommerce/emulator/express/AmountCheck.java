package org.eventcommerce.emulator.express;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Validates the order amounts of SetExpressCheckout and DoExpressCheckoutPayment (payment request 0) for a currency:
 * the total's syntax and decimals (10400 missing, 10401 invalid, 10525 zero; §3.4, §3.6), line items
 * ({@code L_PAYMENTREQUEST_0_AMTn} × {@code L_PAYMENTREQUEST_0_QTYn}, 10431 when malformed) and the sums: items must
 * add up to {@code PAYMENTREQUEST_0_ITEMAMT}, and ITEMAMT + SHIPPINGAMT + HANDLINGAMT + TAXAMT + INSURANCEAMT +
 * SHIPDISCAMT must equal AMT, otherwise 10413 "The totals of the cart item amounts do not match order amounts"
 * [DEV troubleshooting/10413; §6 item 7]. The deprecated names without {@code PAYMENTREQUEST_0_} are read too.
 */
final class AmountCheck {

    /** The order total, or the error. */
    record Result(BigDecimal total, ApiError error) {
    }

    private static final String[] COMPONENTS = {"SHIPPINGAMT", "HANDLINGAMT", "TAXAMT", "INSURANCEAMT", "SHIPDISCAMT"};

    private AmountCheck() {
    }

    static String field(Map<String, String> request, String name) {
        String value = request.get("PAYMENTREQUEST_0_" + name);
        return value != null ? value : request.get(name);
    }

    static Result check(Map<String, String> request, String currency) {
        String amt = field(request, "AMT");
        if (amt == null || amt.isBlank()) {
            return new Result(null, ApiError.ORDER_TOTAL_MISSING);
        }
        Optional<BigDecimal> total = ExpressCurrencies.parse(amt, currency);
        if (total.isEmpty()) {
            return new Result(null, ApiError.ORDER_TOTAL_INVALID);
        }
        if (total.get().signum() == 0) {
            return new Result(null, ApiError.ZERO_AMOUNT);
        }
        BigDecimal items = BigDecimal.ZERO;
        boolean anyItem = false;
        for (int n = 0; ; n++) {
            String itemAmt = line(request, "AMT", n);
            if (itemAmt == null) {
                break;
            }
            anyItem = true;
            Optional<BigDecimal> value = signed(itemAmt, currency);
            String qtyText = line(request, "QTY", n);
            int qty;
            try {
                qty = qtyText == null ? 1 : Integer.parseInt(qtyText);
            } catch (NumberFormatException e) {
                qty = -1;
            }
            if (value.isEmpty() || qty < 1) {
                return new Result(null, ApiError.ITEM_AMOUNT_INVALID);
            }
            items = items.add(value.get().multiply(BigDecimal.valueOf(qty)));
        }
        String itemAmtText = field(request, "ITEMAMT");
        BigDecimal itemAmt = null;
        if (itemAmtText != null) {
            Optional<BigDecimal> parsed = ExpressCurrencies.parse(itemAmtText, currency);
            if (parsed.isEmpty()) {
                return new Result(null, ApiError.ITEM_AMOUNT_INVALID);
            }
            itemAmt = parsed.get();
        }
        if (anyItem && (itemAmt == null || itemAmt.compareTo(items) != 0)) {
            return new Result(null, ApiError.TOTALS_MISMATCH);
        }
        BigDecimal parts = itemAmt == null ? BigDecimal.ZERO : itemAmt;
        boolean anyPart = itemAmt != null;
        for (String component : COMPONENTS) {
            String text = field(request, component);
            if (text == null) {
                continue;
            }
            Optional<BigDecimal> value = signed(text, currency);
            if (value.isEmpty()) {
                return new Result(null, ApiError.ORDER_TOTAL_INVALID);
            }
            anyPart = true;
            parts = parts.add(value.get());
        }
        if (anyPart && parts.compareTo(total.get()) != 0) {
            return new Result(null, ApiError.TOTALS_MISMATCH);
        }
        return new Result(total.get(), null);
    }

    private static String line(Map<String, String> request, String name, int n) {
        String value = request.get("L_PAYMENTREQUEST_0_" + name + n);
        return value != null ? value : request.get("L_" + name + n);
    }

    private static Optional<BigDecimal> signed(String text, String currency) {
        if (text.startsWith("-")) {
            return ExpressCurrencies.parse(text.substring(1), currency).map(BigDecimal::negate);
        }
        return ExpressCurrencies.parse(text, currency);
    }
}
