package org.eventcommerce.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.Set;
import org.eventcommerce.domain.offering.Offering;
import org.eventcommerce.domain.offering.OfferingService;
import org.eventcommerce.domain.offering.OfferingService.OfferingInput;
import org.eventcommerce.domain.offering.OfferingType;
import org.eventcommerce.domain.site.Service;
import org.eventcommerce.payments.money.Money;

/** {@code PUT/GET /api/v1/offerings/{id}} (API.md "Offerings"). */
@Path("offerings/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class OfferingsResource {

    private static final Set<String> FIELDS = Set.of("title", "service", "type", "host", "startsAt", "fee");

    @Inject
    ApiCaller caller;

    @Inject
    OfferingService offerings;

    /** Creates (201) or replaces (200) the offering; the host account is created when missing. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String id, String body) {
        JsonBody b = JsonBody.parse(body, FIELDS);
        String title = b.string("title", true);
        Service service = b.enumValue("service", Service.class, true);
        OfferingType type = b.enumValue("type", OfferingType.class, true);
        String host = b.string("host", true);
        OffsetDateTime startsAt = b.instant("startsAt");
        Money fee = b.money("fee", false);
        OfferingInput input = new OfferingInput(title, service, type, host,
                startsAt == null ? null : startsAt.toInstant(), fee);
        b.finish(() -> offerings.check(caller.site(), id, input));
        OfferingService.Upsert u = offerings.upsert(caller.site(), id, input);
        return Response.status(u.created() ? 201 : 200).entity(toJson(u.offering()).toString()).build();
    }

    /** The offering, or 404. */
    @GET
    public String get(@PathParam("id") String id) {
        return toJson(offerings.get(caller.siteId(), id)).toString();
    }

    private jakarta.json.JsonObject toJson(Offering o) {
        return Json.object().add("id", o.getExternalId()).add("title", o.getTitle())
                .add("service", o.getService().name()).add("type", o.getType().name())
                .add("host", o.getHost().getEmail())
                .add("startsAt", Json.instant(o.getStartsAt(), o.getSite().getTimeZone()))
                .add("fee", Json.money(o.getFee().orElse(null))).build();
    }
}
