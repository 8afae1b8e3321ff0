package org.eventcommerce.web.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of an API request is a problem, not the portal's HTML page. Errors the server raises before
 * JAX-RS sees the request (a request with two {@code Content-Type} headers: a 400 from the container) are sent to
 * {@code /error.xhtml} by {@code web.xml}'s error pages; when the failed request was under {@code /api/}, this filter
 * answers {@code application/problem+json} with the same status instead (RFC 9457; type {@code about:blank} and
 * the status's reason phrase, or API.md's type for 401, 403 and 404). Found by a fresh-user trial of issue 5.
 */
@WebFilter(urlPatterns = "/error.xhtml", dispatcherTypes = DispatcherType.ERROR)
public class ApiErrorPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String u) || !u.startsWith(request.getContextPath() + "/api/")) {
            chain.doFilter(request, response);
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body(status));
    }

    /** The problem of a request refused with {@code status} before it reached a resource. */
    static String body(int status) {
        String type = switch (status) {
            case 401 -> "/problems/unauthorized";
            case 403 -> "/problems/forbidden";
            case 404 -> "/problems/not-found";
            default -> "about:blank";
        };
        jakarta.ws.rs.core.Response.Status known = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        String title = type.equals("about:blank") ? (known != null ? known.getReasonPhrase() : "Error")
                : Problem.titleOf(type);
        String detail = status >= 500 ? "An unexpected error occurred."
                : "The request was refused before it reached the API (for example a header sent twice).";
        return Json.object().add("type", type).add("title", title).add("status", status).add("detail", detail)
                .build().toString();
    }
}
