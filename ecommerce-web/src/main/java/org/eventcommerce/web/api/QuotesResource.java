package org.eventcommerce.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eventcommerce.domain.common.Problems;
import org.eventcommerce.domain.common.Texts;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.offering.Offering;
import org.eventcommerce.domain.offering.OfferingService;
import org.eventcommerce.domain.promotion.PromotionCodeService;
import org.eventcommerce.domain.security.FailedAttempt;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.payments.money.Money;

/**
 * {@code GET /api/v1/quotes?offering=&promotionCode=[&attendee=]} (API.md "Quotes"): the price with a code's
 * discount. Creates nothing, reserves nothing.
 *
 * <p>A code that does not exist counts against the API key (a limit shared by every attendee of the platform, 100
 * in 15 minutes by default) and, when the optional {@code attendee} e-mail is given, against that e-mail (10), as an
 * order does (issue 5, fresh-user trial: without it, one user's guesses through the quote made the site refuse every
 * code to everybody). Platforms should pass it.
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

    /**
     * {@code {"listPrice", "discount", "total"}} or a promotion-code problem.
     *
     * @param attendee optional (blank is absent): the e-mail of the attendee who typed the code; counted on its own
     * @throws ValidationException {@code offering} missing, or {@code attendee} given but not an e-mail (400)
     * @throws org.eventcommerce.domain.security.TooManyAttemptsException 429 when the key or the attendee tried too
     *         many codes that do not exist in the site
     */
    @GET
    public String quote(@QueryParam("offering") String offeringId, @QueryParam("promotionCode") String code,
                        @QueryParam("attendee") String attendee) {
        if (offeringId == null || offeringId.isBlank()) {
            throw ValidationException.of("offering", "validation.required");
        }
        String email = Texts.clean(attendee);
        if (email != null && !Texts.isEmail(email)) {
            throw ValidationException.of("attendee", "validation.email.format");
        }
        Offering o = offerings.get(caller.siteId(), offeringId);
        Money fee = o.getFee().orElseThrow(() -> Problems.eCommerceDisabled(o.getService().name()));
        // As POST /orders refuses it: a price nobody can pay is not quoted (found by the fresh-user trial).
        CommerceConfiguration config = settings.get(caller.siteId());
        if (!config.isEnabled(o.getService())) {
            // Its service takes no payments: POST /orders answers 422, so does the quote (fresh-user trial).
            throw Problems.eCommerceDisabled(o.getService().name());
        }
        if (!config.getCurrency().equals(fee.currency())) {
            throw Problems.currencyNotSupported(fee.currency().getCurrencyCode(), config.getProviderType().name());
        }
        if (code == null || code.isBlank()) {
            return Json.object().add("listPrice", Json.money(fee)).add("discount", Json.money(Money.zero(fee.currency())))
                    .add("total", Json.money(fee)).build().toString();
        }
        List<FailedAttempt.Subject> who = new ArrayList<>(caller.guesser());
        if (email != null) {
            who.add(FailedAttempt.Subject.email(email));
        }
        PromotionCodeService.Quote q = codes.quote(caller.site(), o, fee, code, who);
        return Json.object().add("listPrice", Json.money(q.listPrice())).add("discount", Json.money(q.discount()))
                .add("total", Json.money(q.total())).build().toString();
    }
}
