package org.eventcommerce.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.domain.entitlement.EntitlementService;

/** {@code GET /api/v1/entitlements?attendee=&offering=} (API.md "Entitlements"): the platform's hot path. */
@Path("entitlements")
@Produces(MediaType.APPLICATION_JSON)
public class EntitlementsResource {

    @Inject
    ApiCaller caller;

    @Inject
    EntitlementService entitlements;

    /** {@code {"granted": bool, "orderId": id|null, "grantedAt": instant|null}}. */
    @GET
    public String check(@QueryParam("attendee") String attendee, @QueryParam("offering") String offering) {
        List<FieldError> errors = new ArrayList<>();
        if (attendee == null || attendee.isBlank()) {
            errors.add(new FieldError("attendee", "validation.required"));
        } else if (!org.eventcommerce.domain.common.Texts.isEmail(attendee.strip())) {
            errors.add(new FieldError("attendee", "validation.email.format"));
        }
        if (offering == null || offering.isBlank()) {
            errors.add(new FieldError("offering", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        EntitlementService.Check c = entitlements.check(caller.siteId(), attendee, offering);
        return Json.object().add("granted", c.granted()).add("orderId", Json.string(c.orderId()))
                .add("grantedAt", Json.instant(c.grantedAt(), caller.site().getTimeZone())).build().toString();
    }
}
