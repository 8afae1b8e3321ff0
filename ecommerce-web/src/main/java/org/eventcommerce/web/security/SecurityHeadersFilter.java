package org.eventcommerce.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

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
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

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
        chain.doFilter(request, response);
    }
}
