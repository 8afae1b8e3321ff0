package org.eventcommerce.domain.payment.reconcile;

import java.time.Duration;
import java.time.Instant;
import org.eventcommerce.domain.payment.ExpressCheckoutService;
import org.eventcommerce.domain.payment.HostedPageService;

/**
 * The reconciler's rules of time, apart from the database so they can be tested alone.
 */
public final class ReconcileRules {

    private ReconcileRules() {
    }

    /**
     * The wait after the {@code attempts}-th unresolved attempt: {@code base} × 2^(attempts − 1), at most {@code max}
     * (1 min, 2, 4, 8 … 6 h with the defaults).
     *
     * @param attempts 1 for the first unresolved attempt; values below 1 count as 1
     */
    public static Duration backoff(int attempts, Duration base, Duration max) {
        int n = Math.max(1, attempts);
        if (n > 40) {
            return max;
        }
        Duration d = base.multipliedBy(1L << (n - 1));
        return d.compareTo(max) > 0 || d.isNegative() ? max : d;
    }

    /**
     * True when an attempt last written at {@code updatedAt} can no longer be in flight, so that a provider's "no
     * such transaction" is final: at least {@code grace} ago.
     */
    public static boolean settledByAbsence(Instant updatedAt, Instant now, Duration grace) {
        return !updatedAt.plus(grace).isAfter(now);
    }

    /**
     * Until when the buyer can still approve an Express Checkout attempt created at {@code createdAt}: PayPal's token
     * lives 3 hours [DEV set-express-checkout-nvp; §3.3 "Token lifetime"] and nothing is paid before the
     * DoExpressCheckoutPayment that only our return sends, so after this nothing can be paid with it.
     */
    public static Instant expressCheckoutExpiry(Instant createdAt) {
        return createdAt.plus(ExpressCheckoutService.TOKEN_LIFETIME);
    }

    /**
     * Until when a payment may still be made with a hosted-page attempt's Secure Token created at {@code createdAt},
     * with {@code grace} for a payment being made at the last moment ({@link HostedPageService#SECURE_TOKEN_LIFETIME}).
     */
    public static Instant hostedPageExpiry(Instant createdAt, Duration grace) {
        return createdAt.plus(HostedPageService.SECURE_TOKEN_LIFETIME).plus(grace);
    }
}
