package org.eventcommerce.domain.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eventcommerce.domain.config.AppConfig;
import org.eventcommerce.domain.security.SecretCipher;

/**
 * Signed payment-page links: {@code <public-url>/pay/<order public id>?sig=<HMAC>} (API.md
 * {@code paymentPageUrl}). The link works without signing in; it dies with the order because the page
 * only takes payment while the order awaits it.
 */
@ApplicationScoped
public class PaymentLinks {

    private static final String PURPOSE = "payment-page";

    @Inject
    SecretCipher cipher;

    @Inject
    AppConfig config;

    /** The absolute signed URL of the order's payment page. */
    public String url(PurchaseOrder order) {
        return config.publicUrl() + "/pay/" + order.getPublicId() + "?sig=" + signature(order.getPublicId());
    }

    /**
     * The RETURNURL of an Express Checkout of the order: {@code <public-url>/paypal/return/<order>?sig=<HMAC>}; PayPal
     * appends {@code &token=EC-…&PayerID=…} (paypal-protocols.md §3.3 step 3, §1.9).
     */
    public URI expressReturnUrl(String orderPublicId) {
        return URI.create(config.publicUrl() + "/paypal/return/" + orderPublicId + "?sig=" + signature(orderPublicId));
    }

    /** The CANCELURL of an Express Checkout: {@code <public-url>/paypal/cancel/<order>?sig=…}; PayPal appends the token. */
    public URI expressCancelUrl(String orderPublicId) {
        return URI.create(config.publicUrl() + "/paypal/cancel/" + orderPublicId + "?sig=" + signature(orderPublicId));
    }

    /**
     * RETURNURL, ERRORURL or CANCELURL of a hosted-page payment (§1.7): {@code <public-url>/paypal/hosted/<which>/<order>?sig=…}.
     *
     * @param which {@code return}, {@code error} or {@code cancel}
     */
    public URI hostedUrl(String which, String orderPublicId) {
        return URI.create(config.publicUrl() + "/paypal/hosted/" + which + "/" + orderPublicId + "?sig="
                + signature(orderPublicId));
    }

    /** SILENTPOSTURL (§1.7): {@code <public-url>/paypal/silent-post}, public; the attempt is found by SECURETOKENID. */
    public URI silentPostUrl() {
        return URI.create(config.publicUrl() + "/paypal/silent-post");
    }

    /** The signature for {@code orderPublicId}. */
    public String signature(String orderPublicId) {
        return cipher.mac(PURPOSE, orderPublicId);
    }

    /** True when {@code sig} is the signature of {@code orderPublicId} (constant-time comparison). */
    public boolean verify(String orderPublicId, String sig) {
        if (orderPublicId == null || sig == null) {
            return false;
        }
        return MessageDigest.isEqual(signature(orderPublicId).getBytes(StandardCharsets.US_ASCII),
                sig.getBytes(StandardCharsets.US_ASCII));
    }
}
