package org.eventcommerce.domain.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
