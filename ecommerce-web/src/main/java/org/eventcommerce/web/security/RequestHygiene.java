package org.eventcommerce.web.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests no page accepts, refused before Faces sees them (issue 5, "Bad input"): a form post to a page that keeps
 * its state, carrying the view state of a stateless view ({@code jakarta.faces.ViewState=stateless}). Only a forged
 * request sends it (every page but those of {@link #STATELESS_VIEWS} keeps state); Faces answered it with "Unable to restore view",
 * a 500 and a stack trace in the log for each one. Text with control characters is refused where it is read: JSON
 * bodies ({@link org.eventcommerce.web.api.JsonBody}), API parameters
 * ({@link org.eventcommerce.web.api.TextParametersFilter}) and page fields
 * ({@link org.eventcommerce.web.portal.TextValidator}).
 */
public final class RequestHygiene {

    /** The view-state value of a stateless (transient) view. */
    static final String STATELESS = "stateless";

    /**
     * The views that are stateless: {@code error.xhtml} ({@code transient="true"}) and the payment page
     * ({@code statelessView}, so that any instance can take its post). A new stateless view must be added here.
     */
    static final java.util.Set<String> STATELESS_VIEWS = java.util.Set.of("/error.xhtml", "/payment.xhtml");

    private RequestHygiene() {
    }

    /**
     * True when the request is a post of a forged stateless view state to a page that keeps state.
     *
     * @param path the request path inside the application, e.g. {@code /login.xhtml}
     */
    static boolean forgedStatelessPost(HttpServletRequest request, String path) {
        if (!"POST".equals(request.getMethod()) || !path.endsWith(".xhtml") || STATELESS_VIEWS.contains(path)) {
            return false;
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return false; // multipart uploads are read by Faces itself
        }
        if (request.getCharacterEncoding() == null) {
            // Reading a parameter fixes the body's encoding: UTF-8 as every page sends (web.xml's
            // request-character-encoding, which Payara would apply only later), never the servlet default ISO-8859-1.
            try {
                request.setCharacterEncoding("UTF-8");
            } catch (java.io.UnsupportedEncodingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return STATELESS.equals(request.getParameter("jakarta.faces.ViewState"));
    }
}
