package org.eventcommerce.web.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests no page accepts, refused before Faces sees them (issue 5, "Bad input"): a form post to a page that keeps
 * its state, carrying the view state of a stateless view ({@code jakarta.faces.ViewState=stateless}). Only a forged
 * request sends it (every page but {@code error.xhtml} keeps state); Faces answered it with "Unable to restore view",
 * a 500 and a stack trace in the log for each one. Text with control characters is refused where it is read: JSON
 * bodies ({@link org.eventcommerce.web.api.JsonBody}), API parameters
 * ({@link org.eventcommerce.web.api.TextParametersFilter}) and page fields
 * ({@link org.eventcommerce.web.portal.TextValidator}).
 */
public final class RequestHygiene {

    /** The view-state value of a stateless (transient) view; only {@code error.xhtml} is one. */
    static final String STATELESS = "stateless";

    private RequestHygiene() {
    }

    /**
     * True when the request is a post of a forged stateless view state to a page that keeps state.
     *
     * @param path the request path inside the application, e.g. {@code /login.xhtml}
     */
    static boolean forgedStatelessPost(HttpServletRequest request, String path) {
        if (!"POST".equals(request.getMethod()) || !path.endsWith(".xhtml") || path.equals("/error.xhtml")) {
            return false;
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return false; // multipart uploads are read by Faces itself
        }
        return STATELESS.equals(request.getParameter("jakarta.faces.ViewState"));
    }
}
