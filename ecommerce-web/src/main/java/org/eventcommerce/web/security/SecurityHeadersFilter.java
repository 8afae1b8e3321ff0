package org.eventcommerce.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;

/**
 * Security headers on every answer (issue 5 "Security"; SECURITY.md):
 * <ul>
 * <li>{@code Content-Security-Policy}: only our own origin for scripts, styles, images, fonts and connections;
 *     no plugins; {@code base-uri 'self'}; {@code frame-ancestors 'none'} (with {@code X-Frame-Options: DENY} for
 *     old browsers) so no page can be framed (clickjacking). PrimeFaces writes inline scripts and handlers, so
 *     {@code 'unsafe-inline'} stays for scripts and styles; {@code form-action} is left out because Chrome checks
 *     it on the redirect to PayPal after the Pay form;</li>
 * <li>{@code X-Content-Type-Options: nosniff}; {@code Referrer-Policy: same-origin} (the payment page's URL holds
 *     the order's signature and must not reach PayPal or anyone else in a Referer);</li>
 * <li>{@code Strict-Transport-Security} (one year) when the request came over TLS, to us or to a proxy that says
 *     so in {@code X-Forwarded-Proto};</li>
 * <li>{@code Cache-Control: no-store} on every page, the payment page and the API (they hold personal data and
 *     one-time state); Faces resources (scripts, styles, images) stay cacheable.</li>
 * </ul>
 * It also refuses, before any page or operation runs, what none accepts: a forged stateless view state
 * ({@link RequestHygiene}; 400 page) and API bodies announced over {@value #MAX_API_BODY_BYTES} bytes (413 problem).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(
            SecurityHeadersFilter.class.getName());

    /**
     * The largest API request body accepted, in bytes (from {@code Content-Length}): 2 MiB, room for the 1 MiB
     * recipient file ({@code RecipientFile.MAX_FILE_BYTES}) with multipart framing; JSON bodies need far less.
     */
    static final long MAX_API_BODY_BYTES = 2L * 1024 * 1024;

    /** The policy sent with every answer. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        if (RequestHygiene.forgedStatelessPost(request, path)) {
            refuse(request, response, path, "jakarta.faces.ViewState", "validation.viewState", 400);
            return;
        }
        if (RequestHygiene.fileWithoutCount(request, path)) {
            refuse(request, response, path, "file", "validation.file.count", 400);
            return;
        }
        if (path.startsWith("/api/") && request.getContentLengthLong() > MAX_API_BODY_BYTES) {
            refuse(request, response, path, "body", "validation.body.tooLarge", 413);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Answers a refused request before any page or resource sees it: the API with a validation problem
     * ({@code application/problem+json}) naming the parameter, pages with the error page (400).
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, String path, String field,
                               String key, int status) throws IOException {
        LOG.log(Level.FINE, "Refused {0} {1}: {2} on {3}", new Object[] {request.getMethod(), path, key, field});
        if (path.startsWith("/api/")) {
            String message = org.eventcommerce.domain.common.Messages.format(java.util.Locale.ENGLISH, key,
                    MAX_API_BODY_BYTES);
            String body = jakarta.json.Json.createObjectBuilder()
                    .add("type", status == 413 ? "about:blank" : "/problems/validation")
                    .add("title", status == 413 ? "Content Too Large" : "Validation failed")
                    .add("status", status).add("detail", message)
                    .add("errors", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder()
                            .add("field", field).add("message", message)))
                    .build().toString();
            response.setStatus(status);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(body);
            return;
        }
        response.sendError(status);
    }
}
