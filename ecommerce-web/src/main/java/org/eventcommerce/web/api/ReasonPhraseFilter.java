package org.eventcommerce.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Gives the API's 422 and 429 answers their reason phrase in the status line ({@code HTTP/1.1 429 Too Many
 * Requests}, RFC 6585; {@code 422 Unprocessable Content}, RFC 9110). Payara's HTTP layer (Grizzly) knows no phrase
 * for these codes and writes {@code CUSTOM} (found by the fresh-user trial, issue 5), and Servlet 6 has no way to
 * pass a phrase ({@code setStatus(int, String)} was removed; Jersey calls {@code setStatus(int)}). So this filter
 * wraps the response and, when one of these codes is set, sets the phrase on Payara's own response object, reached
 * by reflection ({@code ResponseFacade.response → getCoyoteResponse() → getResponse() → setReasonPhrase}). On
 * another server, or if Payara changes, that path is not found: the answer is unchanged (status code, problem body
 * and headers are right; only the phrase, which HTTP/2 does not even have, stays the server's), logged once.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class ReasonPhraseFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger(ReasonPhraseFilter.class.getName());
    private static volatile boolean warned;

    /** The phrases set here, by status code: the ones the API answers with that Grizzly lacks. */
    static final Map<Integer, String> PHRASES = Map.of(
            422, "Unprocessable Content",
            429, jakarta.ws.rs.core.Response.Status.TOO_MANY_REQUESTS.getReasonPhrase());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new Wrapper(response));
    }

    /**
     * Sets the phrase after each {@code setStatus} of a code in {@link #PHRASES}; when the status changes again
     * afterwards, sets that code's standard phrase ({@code Response.Status}), so a 500 never reads "Too Many
     * Requests".
     */
    static final class Wrapper extends HttpServletResponseWrapper {
        private boolean phraseSet;

        Wrapper(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            super.setStatus(sc);
            String phrase = PHRASES.get(sc);
            if (phrase != null) {
                phraseSet = setReasonPhrase(getResponse(), phrase);
            } else if (phraseSet) {
                jakarta.ws.rs.core.Response.Status standard = jakarta.ws.rs.core.Response.Status.fromStatusCode(sc);
                setReasonPhrase(getResponse(), standard == null ? "Unknown" : standard.getReasonPhrase());
            }
        }
    }

    /**
     * Sets {@code phrase} as the status line's reason phrase of {@code response} (unwrapped first) if it is
     * Payara's response.
     *
     * @return true when set
     */
    static boolean setReasonPhrase(ServletResponse response, String phrase) {
        ServletResponse inner = response;
        while (inner instanceof ServletResponseWrapper w) {
            inner = w.getResponse();
        }
        return setReasonPhrase((Object) inner, phrase);
    }

    /** {@link #setReasonPhrase(ServletResponse, String)} on the unwrapped response (Payara's {@code ResponseFacade}). */
    static boolean setReasonPhrase(Object inner, String phrase) {
        try {
            Object catalina = field(inner, "response");
            Object grizzly = call(catalina, "getCoyoteResponse");
            Object packet = call(grizzly, "getResponse");
            Method set = packet.getClass().getMethod("setReasonPhrase", String.class);
            set.trySetAccessible();
            set.invoke(packet, phrase);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.log(Level.WARNING, "Cannot set the HTTP reason phrase on " + inner.getClass().getName()
                        + "; 422/429 answers keep the server's phrase", e);
            }
            return false;
        }
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                if (!f.trySetAccessible()) {
                    throw new IllegalAccessException(c.getName() + "." + name);
                }
                return java.util.Objects.requireNonNull(f.get(o), name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(o.getClass().getName() + "." + name);
    }

    private static Object call(Object o, String method) throws ReflectiveOperationException {
        Method m = o.getClass().getMethod(method);
        m.trySetAccessible();
        return java.util.Objects.requireNonNull(m.invoke(o), method);
    }
}
