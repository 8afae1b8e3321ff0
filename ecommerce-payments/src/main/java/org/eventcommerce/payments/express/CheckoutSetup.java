package org.eventcommerce.payments.express;

import java.net.URI;
import java.util.Objects;
import org.eventcommerce.payments.money.Money;

/**
 * What a SetExpressCheckout call asks for [DEV set-express-checkout-nvp; §3.3 step 1].
 *
 * @param amount      order total and currency ({@code PAYMENTREQUEST_0_AMT}, {@code PAYMENTREQUEST_0_CURRENCYCODE});
 *                    positive (PayPal refuses zero with 10525, §3.4)
 * @param returnUrl   where PayPal sends the buyer after approval, with {@code token} and {@code PayerID} appended
 * @param cancelUrl   where PayPal sends the buyer who cancels, with {@code token} appended
 * @param invoice     {@code PAYMENTREQUEST_0_INVNUM}, the merchant's order number, at most 127 characters; may be null
 * @param description {@code PAYMENTREQUEST_0_DESC}, shown to the buyer, at most 127 characters; may be null
 * @param action      Sale or Authorization, always sent
 */
public record CheckoutSetup(Money amount, URI returnUrl, URI cancelUrl, String invoice, String description,
                            PaymentAction action) {

    /**
     * @throws NullPointerException     when amount, a URL or the action is null
     * @throws IllegalArgumentException when the amount is not positive or a text exceeds 127 characters
     */
    public CheckoutSetup {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(returnUrl, "returnUrl");
        Objects.requireNonNull(cancelUrl, "cancelUrl");
        Objects.requireNonNull(action, "action");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive");
        }
        if (invoice != null && invoice.length() > 127) {
            throw new IllegalArgumentException("invoice longer than 127 characters");
        }
        if (description != null && description.length() > 127) {
            throw new IllegalArgumentException("description longer than 127 characters");
        }
    }
}
