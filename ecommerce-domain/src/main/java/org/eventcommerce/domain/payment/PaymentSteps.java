package org.eventcommerce.domain.payment;

import jakarta.inject.Inject;
import org.eventcommerce.domain.order.OrderService;
import org.eventcommerce.domain.site.SettingsService;

/**
 * What every way of paying an order works with (DESIGN.md "The payment lifecycle"): the site's settings, the order,
 * the recorder of attempts and the connectors. The card sale ({@link PaymentService}), Express Checkout
 * ({@link ExpressCheckoutService}) and the hosted page ({@link HostedPageService}) extend it.
 */
abstract class PaymentSteps {

    @Inject
    SettingsService settings;

    @Inject
    OrderService orders;

    @Inject
    PaymentRecorder recorder;

    @Inject
    GatewayFactory gateways;
}
