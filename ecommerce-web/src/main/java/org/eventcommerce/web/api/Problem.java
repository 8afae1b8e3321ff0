package org.eventcommerce.web.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eventcommerce.domain.common.ValidationException.FieldError;

/**
 * RFC 9457 problem details ({@code application/problem+json}) with the relative {@code type} URIs and
 * statuses of API.md, and for validation an {@code errors} array of {@code {field, message}}.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    /** A problem response. */
    public static Response of(int status, String type, String title, String detail) {
        return build(status, type, title, detail, null);
    }

    /** A validation problem (400) listing every field error, messages in English. */
    public static Response validation(List<FieldError> errors) {
        JsonArrayBuilder arr = Json.array();
        for (FieldError e : errors) {
            arr.add(Json.object().add("field", e.field()).add("message", e.message(Locale.ENGLISH)));
        }
        return build(400, "/problems/validation", "Validation failed",
                errors.size() == 1 ? errors.get(0).message(Locale.ENGLISH) : errors.size() + " fields are invalid",
                arr);
    }

    private static Response build(int status, String type, String title, String detail, JsonArrayBuilder errors) {
        JsonObjectBuilder b = Json.object().add("type", type).add("title", title).add("status", status);
        if (detail != null) {
            b.add("detail", detail);
        }
        if (errors != null) {
            b.add("errors", errors);
        }
        // With its reason phrase where JAX-RS knows one (429 Too Many Requests); ReasonPhraseFilter puts it on the wire.
        Response.Status known = Response.Status.fromStatusCode(status);
        Response.ResponseBuilder r = known != null ? Response.status(known) : Response.status(status);
        return r.type(MEDIA_TYPE).entity(b.build().toString()).build();
    }

    /**
     * A short title for a problem type, from its last path segment: hyphens become spaces except in the word
     * "e-commerce" ("order-state" → "Order state", "e-commerce-disabled" → "E-commerce disabled").
     */
    public static String titleOf(String type) {
        String last = type.substring(type.lastIndexOf('/') + 1).replace('-', ' ').replace("e commerce", "e-commerce");
        return last.isEmpty() ? "Error" : Character.toUpperCase(last.charAt(0)) + last.substring(1);
    }
}
