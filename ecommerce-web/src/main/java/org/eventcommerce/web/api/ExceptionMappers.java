package org.eventcommerce.web.api;

import jakarta.annotation.Priority;
import jakarta.json.JsonException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.Messages;
import org.eventcommerce.domain.common.ValidationException;

/** Maps every exception to {@code application/problem+json} (API.md "Problem types and HTTP statuses"). */
public final class ExceptionMappers {

    private ExceptionMappers() {
    }

    /** Field rule broken: 400 with the errors array. */
    @Provider
    public static class Validation implements ExceptionMapper<ValidationException> {
        @Override
        public Response toResponse(ValidationException e) {
            return Problem.validation(e.errors());
        }
    }

    /** A domain rule: its own type and status. */
    @Provider
    public static class Business implements ExceptionMapper<BusinessException> {
        @Override
        public Response toResponse(BusinessException e) {
            String detail = Messages.format(Locale.ENGLISH, e.messageKey(), e.arguments());
            if (detail.equals(e.messageKey())) {
                detail = e.getMessage();
            }
            Response r = Problem.of(e.status(), e.problemType(), Problem.titleOf(e.problemType()), detail);
            if (e instanceof org.eventcommerce.domain.security.TooManyAttemptsException t) {
                return Response.fromResponse(r).header("Retry-After", t.retryAfter().toSeconds()).build();
            }
            return r;
        }
    }

    /** Malformed JSON: 400 validation. */
    @Provider
    public static class Json implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            return Problem.of(400, "/problems/validation", "Validation failed",
                    "The request body is not valid JSON.");
        }
    }

    /** JAX-RS's own errors (404 unknown path, 405, 415, ...) as problems. */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getResponse().hasEntity()) {
                return e.getResponse(); // ours, already a problem (e.g. ApiKeyFilter.unauthorizedException())
            }
            int status = e.getResponse().getStatus();
            String type = switch (status) {
                case 400 -> "/problems/validation";
                case 401 -> "/problems/unauthorized";
                case 403 -> "/problems/forbidden";
                case 404 -> "/problems/not-found";
                default -> "about:blank";
            };
            String title = "about:blank".equals(type) ? e.getResponse().getStatusInfo().getReasonPhrase()
                    : Problem.titleOf(type);
            return Problem.of(status, type, title, switch (status) {
                case 404 -> "No such resource.";
                case 405 -> "This method is not allowed on this resource.";
                case 406 -> "This resource answers application/json only.";
                // One text for every resource (JAX-RS does not tell which types the method takes): name both.
                case 415 -> "This body's Content-Type is not taken here: send application/json (a recipients file: "
                        + "text/csv, text/plain or multipart/form-data).";
                default -> title;
            });
        }
    }

    /**
     * A failure at commit, after the service method returned (Jersey's own mapper of {@link TransactionalException}
     * throws, and the 500 error page went out as HTML): the cause decides. A write that lost the race on a row's
     * version ({@link LostRace}: two saves of the same settings at once) is 409 {@code about:blank}
     * "Conflict" (RFC 9457 section 4.2.1: no more semantics than the status); a broken rule is mapped as thrown;
     * anything else is {@link Unexpected}. Nothing was written in any case: the transaction rolled back.
     */
    @Provider
    @Priority(1)
    public static class Commit implements ExceptionMapper<TransactionalException> {
        @Override
        public Response toResponse(TransactionalException e) {
            if (LostRace.is(e)) {
                return Problem.of(409, "about:blank", "Conflict",
                        "Another request changed this at the same time; nothing was saved. Read it again and retry.");
            }
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof ValidationException v) {
                    return new Validation().toResponse(v);
                }
                if (c instanceof BusinessException b) {
                    return new Business().toResponse(b);
                }
            }
            return new Unexpected().toResponse(e);
        }
    }

    /** Anything else is our bug: 500, logged, no details leaked. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        private static final Logger LOG = System.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(Throwable e) {
            if (e instanceof BusinessException be) {
                return new Business().toResponse(be);
            }
            LOG.log(Level.ERROR, "Unexpected API error", e);
            return Problem.of(500, "about:blank", "Internal error", "An unexpected error occurred.");
        }
    }

}
