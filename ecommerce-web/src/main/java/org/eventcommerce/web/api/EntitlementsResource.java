package org.eventcommerce.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eventcommerce.domain.account.ApiKeyService;
import org.eventcommerce.domain.common.Texts;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.domain.entitlement.EntitlementService;

/**
 * {@code GET /api/v1/entitlements?attendee=&offering=} (API.md "Entitlements"): the platform's hot path, called on
 * every join and every playback. One database statement per check matches the API key and reads its site's
 * entitlement counter; the answer then comes from the instance's in-memory snapshot of the site's entitlements when
 * that holds every change up to the counter, else from a second statement ({@link EntitlementService#checkWithKey},
 * {@link KeyCheckedInQuery}). A refund's revocation moves the counter, so it is seen by the next check on every
 * instance.
 *
 * <p>Application-scoped: one instance serves every request (its fields are beans; the caller is request-scoped
 * behind its proxy), so no resource object is created and injected per check (BENCHMARKS.md, issue 5).
 */
@ApplicationScoped
@Path("entitlements")
@Produces(MediaType.APPLICATION_JSON)
public class EntitlementsResource {

    /** The answer when there is no active entitlement (the shape of API.md, written once). */
    static final String DENIED = "{\"granted\":false,\"orderId\":null,\"grantedAt\":null}";

    @Inject
    ApiCaller caller;

    @Inject
    ApiKeyService apiKeys;

    @Inject
    EntitlementService entitlements;

    /**
     * {@code {"granted": bool, "orderId": id|null, "grantedAt": instant|null}} (instant in the site's time zone).
     *
     * @throws jakarta.ws.rs.NotAuthorizedException 401 {@code /problems/unauthorized} for an unknown key, also when
     *         the parameters are wrong
     * @throws ValidationException 400 when {@code attendee} is missing or not an e-mail, or {@code offering} missing
     */
    @GET
    @KeyCheckedInQuery
    public String check(@QueryParam("attendee") String attendee, @QueryParam("offering") String offering) {
        boolean missing = attendee == null || attendee.isBlank() || offering == null || offering.isBlank();
        EntitlementService.KeyedCheck answer = missing ? null
                : entitlements.checkWithKey(caller.keyHash(), attendee, offering)
                        .orElseThrow(ApiKeyFilter::unauthorizedException);
        if (answer == null || !answer.knownAttendee()) {
            // The address's form is checked only when no account has it: an account's address was checked when it
            // was stored (the hot path skips the pattern).
            validate(attendee, offering);
        }
        caller.authenticate(answer.site(), caller.keyHash());
        EntitlementService.Check c = answer.check();
        if (!c.granted()) {
            return DENIED;
        }
        return "{\"granted\":true,\"orderId\":" + Json.string(c.orderId()) + ",\"grantedAt\":"
                + Json.instant(c.grantedAt(), caller.timeZone()) + "}";
    }

    /**
     * Refuses missing parameters or an attendee that is not an e-mail address (400), after making sure the key is
     * known (401 first: an unknown key learns nothing about its parameters).
     */
    private void validate(String attendee, String offering) {
        List<FieldError> errors = new ArrayList<>();
        if (attendee == null || attendee.isBlank()) {
            errors.add(new FieldError("attendee", "validation.required"));
        } else if (!Texts.isEmail(attendee.strip())) {
            errors.add(new FieldError("attendee", "validation.email.format"));
        }
        if (offering == null || offering.isBlank()) {
            errors.add(new FieldError("offering", "validation.required"));
        }
        if (!errors.isEmpty()) {
            ApiKeyService.KeySite site = apiKeys.lookup(caller.keyHash())
                    .orElseThrow(ApiKeyFilter::unauthorizedException);
            caller.authenticate(site, caller.keyHash());
            throw new ValidationException(errors);
        }
    }
}
