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
        utf8(request);
        return STATELESS.equals(request.getParameter("jakarta.faces.ViewState"));
    }

    /** The field PrimeFaces' upload widget sends next to a file field {@code <id>}: how many files it sends. */
    static final String FILES_COUNT_SUFFIX = "_totalFilesCount";

    /**
     * True when a multipart post to a page carries a file without the count of files that PrimeFaces' upload widget
     * always sends with it ({@code <field>}{@value #FILES_COUNT_SUFFIX}). Only a crafted request lacks it, and
     * PrimeFaces' {@code FileUpload.validateValue} parses it unguarded: such a post was answered with the 500 page.
     * A body the server cannot split into parts is left to Faces, as before.
     *
     * @param path the request path inside the application, e.g. {@code /admin/promotion-codes/create.xhtml}
     */
    static boolean fileWithoutCount(HttpServletRequest request, String path) {
        if (!"POST".equals(request.getMethod()) || !path.endsWith(".xhtml")) {
            return false;
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            return false;
        }
        utf8(request);
        try {
            for (jakarta.servlet.http.Part part : request.getParts()) {
                if (part.getSubmittedFileName() != null
                        && request.getParameter(part.getName() + FILES_COUNT_SUFFIX) == null) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException | jakarta.servlet.ServletException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * Reading a parameter fixes the body's encoding: UTF-8 as every page sends, never the servlet default
     * ISO-8859-1; a request that names its encoding keeps it.
     */
    private static void utf8(HttpServletRequest request) {
        if (request.getCharacterEncoding() == null) {
            try {
                request.setCharacterEncoding("UTF-8");
            } catch (java.io.UnsupportedEncodingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
