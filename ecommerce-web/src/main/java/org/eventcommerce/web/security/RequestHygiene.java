package org.eventcommerce.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Input no page or operation accepts, refused before it reaches one (issue 5, "Bad input"): parameters (query string
 * and, for pages, form fields) holding control characters, and the forged "stateless" view state on a page that keeps
 * state. Control characters are C0 controls other than tab, line feed and carriage return, and DEL: a NUL cannot even
 * be stored by PostgreSQL ({@code invalid byte sequence for encoding "UTF8": 0x00}), and ESC or the like in a name would
 * reach e-mails, CSV exports and terminals. JSON bodies are checked field by field in
 * {@link org.eventcommerce.web.api.JsonBody}.
 */
public final class RequestHygiene {

    /** The view-state value of a stateless (transient) view; only {@code error.xhtml} is one. */
    static final String STATELESS = "stateless";

    private RequestHygiene() {
    }

    /** True when {@code s} holds a C0 control character other than tab, LF and CR, or DEL (U+007F). */
    public static boolean hasControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name of the first parameter the request must be refused for, or null. For the API ({@code /api/...}) only
     * the query string is read (a JSON body is not form data, and reading it here would consume it); for pages every
     * parameter, except in multipart requests (the recipient upload checks its own file).
     *
     * @param path the request path inside the application, e.g. {@code /admin/ecommerce.xhtml}
     */
    static String refusedParameter(HttpServletRequest request, String path) {
        if (path.startsWith("/api/")) {
            return refusedInQuery(request.getQueryString());
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            return refusedInQuery(request.getQueryString());
        }
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            if (hasControlCharacters(p.getKey())) {
                return "?";
            }
            for (String v : p.getValue()) {
                if (v != null && hasControlCharacters(v)) {
                    return p.getKey();
                }
            }
        }
        if ("POST".equals(request.getMethod()) && path.endsWith(".xhtml") && !path.equals("/error.xhtml")
                && STATELESS.equals(request.getParameter("jakarta.faces.ViewState"))) {
            return "jakarta.faces.ViewState";
        }
        return null;
    }

    /** The first query parameter (decoded as UTF-8) holding control characters, or null. */
    static String refusedInQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name == null || value == null) {
                continue; // malformed escapes: left to the resource, which answers 400 or ignores it
            }
            if (hasControlCharacters(name) || hasControlCharacters(value)) {
                return hasControlCharacters(name) ? "?" : name;
            }
        }
        return null;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
