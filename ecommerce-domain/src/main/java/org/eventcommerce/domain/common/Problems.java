package org.eventcommerce.domain.common;

/** Factory of the business exceptions named by API.md's problem table. */
public final class Problems {

    private Problems() {
    }

    /** 409: the order is not in a state that allows this (e.g. paying a paid order). */
    public static BusinessException orderState(String detail) {
        return new BusinessException("/problems/order-state", 409, "error.orderState", detail);
    }

    /** 409: an Idempotency-Key reused with another body. */
    public static BusinessException idempotencyConflict() {
        return new BusinessException("/problems/idempotency-conflict", 409, "error.idempotencyConflict",
                "This Idempotency-Key was used with a different request body");
    }

    /** 422: e-commerce is off for the offering's service. */
    public static BusinessException eCommerceDisabled(String service) {
        return new BusinessException("/problems/e-commerce-disabled", 422, "error.eCommerceDisabled",
                "E-commerce is not enabled for " + service, service);
    }

    /** 422: the currency is not one the configured provider takes. */
    public static BusinessException currencyNotSupported(String currency, String provider) {
        // The provider by its name in the reader's language ("PayPal Payflow Pro"), not its constant (a fresh-user
        // trial read "(PAYFLOW_PRO)" on the attendee's page).
        return new BusinessException("/problems/currency-not-supported", 422, "error.currencyNotSupported",
                "Currency " + currency + " is not supported by " + provider, currency,
                new Messages.Key("provider." + provider));
    }

    /** 403: the caller may not do this. */
    public static BusinessException forbidden(String detail) {
        return new BusinessException("/problems/forbidden", 403, "error.forbidden", detail);
    }
}
