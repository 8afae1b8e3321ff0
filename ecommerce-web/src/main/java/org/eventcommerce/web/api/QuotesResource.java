package org.eventcommerce.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eventcommerce.domain.common.Problems;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.offering.Offering;
import org.eventcommerce.domain.offering.OfferingService;
import org.eventcommerce.domain.promotion.PromotionCodeService;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.payments.money.Money;

/**
 * {@code GET /api/v1/quotes?offering=&promotionCode=} (API.md "Quotes"): the price with a code's discount.
 * Creates nothing, reserves nothing.
 */
@Path("quotes")
@Produces(MediaType.APPLICATION_JSON)
public class QuotesResource {

    @Inject
    ApiCaller caller;

    @Inject
    OfferingService offerings;

    @Inject
    PromotionCodeService codes;

    @Inject
    SettingsService settings;

    /** {@code {"listPrice", "discount", "total"}} or a promotion-code problem. */
    @GET
    public String quote(@QueryParam("offering") String offeringId, @QueryParam("promotionCode") String code) {
        if (offeringId == null || offeringId.isBlank()) {
            throw ValidationException.of("offering", "validation.required");
        }
        Offering o = offerings.get(caller.siteId(), offeringId);
        Money fee = o.getFee().orElseThrow(() -> Problems.eCommerceDisabled(o.getService().name()));
        // As POST /orders refuses it: a price nobody can pay is not quoted (found by the fresh-user trial).
        CommerceConfiguration config = settings.get(caller.siteId());
        if (!config.getCurrency().equals(fee.currency())) {
            throw Problems.currencyNotSupported(fee.currency().getCurrencyCode(), config.getProviderType().name());
        }
        if (code == null || code.isBlank()) {
            return Json.object().add("listPrice", Json.money(fee)).add("discount", Json.money(Money.zero(fee.currency())))
                    .add("total", Json.money(fee)).build().toString();
        }
        PromotionCodeService.Quote q = codes.quote(caller.site(), o, fee, code, caller.guesser());
        return Json.object().add("listPrice", Json.money(q.listPrice())).add("discount", Json.money(q.discount()))
                .add("total", Json.money(q.total())).build().toString();
    }
}
