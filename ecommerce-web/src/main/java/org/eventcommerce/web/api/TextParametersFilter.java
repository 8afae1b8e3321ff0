package org.eventcommerce.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eventcommerce.domain.common.Texts;
import org.eventcommerce.domain.common.ValidationException.FieldError;

/**
 * Refuses, before any resource runs, a query or path parameter whose decoded value holds control characters
 * ({@link Texts#isText}: {@code %00}, escape...): 400 {@code /problems/validation} naming each such parameter
 * (issue 5, "Bad input"). The filters of the reports and look-ups would otherwise carry them into SQL, where
 * PostgreSQL refuses NUL. Runs after authentication, so a caller without a key still learns only that.
 */
@Provider
@Priority(Priorities.USER)
public class TextParametersFilter implements ContainerRequestFilter {

    /**
     * The message of a parameter that is not text. Besides control characters, it names the usual cause in a URL:
     * characters outside ASCII sent without percent-encoding, which the server reads as ISO-8859-1, turning the
     * second byte of an "ș" into a C1 control character (found by the fresh-user trial with curl).
     */
    static final String NOT_TEXT = "validation.parameter.control";

    @Override
    public void filter(ContainerRequestContext ctx) {
        List<FieldError> errors = errors(ctx.getUriInfo().getQueryParameters(), ctx.getUriInfo().getPathParameters());
        if (!errors.isEmpty()) {
            ctx.abortWith(Problem.validation(errors));
        }
    }

    /** One error per parameter (query, then path) with a value that is not text; the parameter's name is the field. */
    static List<FieldError> errors(MultivaluedMap<String, String> query, MultivaluedMap<String, String> path) {
        List<FieldError> errors = new ArrayList<>();
        for (MultivaluedMap<String, String> parameters : List.of(query, path)) {
            for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
                if (!Texts.isText(p.getKey()) || p.getValue().stream().anyMatch(v -> !Texts.isText(v))) {
                    errors.add(new FieldError(Texts.isText(p.getKey()) ? p.getKey() : "query", NOT_TEXT));
                }
            }
        }
        return errors;
    }
}
