package org.eventcommerce.payments;

/**
 * A payment provider connector: stateless, thread-safe, one instance per provider configuration
 * (endpoint, credentials, timeout).
 *
 * <p>A connector never throws for a provider's answer or for a transport failure: every outcome is a
 * {@link PaymentResult}. It throws only for programming errors (a request it does not support, e.g. a
 * card-less SALE), as {@link IllegalArgumentException}.
 */
public interface PaymentGateway {

    /**
     * Sends {@code request} once. To resend the same attempt (after {@link PaymentStatus#UNKNOWN} or
     * {@link PaymentStatus#NOT_SENT}), call again with the same {@link Attempt}: the provider then answers
     * with the first outcome instead of processing twice.
     */
    PaymentResult execute(PaymentRequest request);
}
