package org.eventcommerce.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The portal over plain HTTP, as a browser without JavaScript: its own cookies, redirects not followed, sign-in by
 * the login form, and JSF form posts built from the fields of the page as served (see {@link #form}).
 */
public final class PortalClient {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern TAG = Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    public PortalClient(URI base) {
        this.base = base;
    }

    /** A portal client signed in as {@code email}; fails when the sign-in is not answered with a redirect. */
    public static PortalClient signedIn(URI base, String email, String password) {
        PortalClient c = new PortalClient(base);
        HttpResponse<String> r = c.signIn(email, password);
        if (r.statusCode() != 302 && r.statusCode() != 303) {
            throw new AssertionError("Sign-in of " + email + " answered " + r.statusCode() + ": " + r.body());
        }
        return c;
    }

    /** Opens the sign-in page and posts {@code email}/{@code password} with the page's view state. */
    public HttpResponse<String> signIn(String email, String password) {
        HttpResponse<String> page = get("login.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:email", email);
        form.put("login:password", password);
        form.put("login:signIn", "");
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        return post("login.xhtml", form);
    }

    /** GET of {@code path} relative to the application (no leading slash). */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    /** GET of {@code path} appended to the application's base as written: dot segments are not removed. */
    public HttpResponse<String> getExact(String path) {
        return send(HttpRequest.newBuilder(URI.create(base.toString() + path)).GET().build());
    }

    /** A form post (application/x-www-form-urlencoded) to {@code path}. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, form.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
    }

    /** A form post with repeated names allowed (check boxes of one group). */
    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * A PrimeFaces ajax request as the page's script sends it: {@code fields} (the form as served, with the view
     * state) plus the partial-request parameters for {@code source} (a button's or input's client id, {@code event}
     * null for a button), processing {@code execute} and rendering {@code render}.
     */
    public HttpResponse<String> ajax(String path, List<Map.Entry<String, String>> fields, String source,
                                     String event, String execute, String render) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("jakarta.faces.partial.ajax", "true"));
        all.add(Map.entry("jakarta.faces.source", source));
        all.add(Map.entry("jakarta.faces.partial.execute", execute));
        all.add(Map.entry("jakarta.faces.partial.render", render));
        if (event == null) {
            all.add(Map.entry(source, source));
        } else {
            all.add(Map.entry("jakarta.faces.behavior.event", event));
            all.add(Map.entry("jakarta.faces.partial.event", event));
        }
        String body = all.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The page's {@code jakarta.faces.ViewState}. */
    public static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new AssertionError("No view state in the page: " + html);
        }
        return unescape(m.group(1));
    }

    /**
     * The fields of the form {@code formId} as a browser would submit them: text inputs and hidden fields with their
     * values, checked check boxes and radio buttons, the selected option of each select, text areas; buttons and
     * file inputs are left out. Names repeat for check box groups.
     */
    public static List<Map.Entry<String, String>> form(String html, String formId) {
        int start = html.indexOf("<form id=\"" + formId + "\"");
        if (start < 0) {
            throw new AssertionError("No form " + formId + " in the page");
        }
        int end = html.indexOf("</form>", start);
        String f = html.substring(start, end);
        List<Map.Entry<String, String>> out = new ArrayList<>();
        Matcher m = TAG.matcher(f);
        while (m.find()) {
            String tag = m.group(1).toLowerCase(java.util.Locale.ROOT);
            String attrs = m.group(2);
            String name = attr(attrs, "name");
            if (name == null || attr(attrs, "disabled") != null) {
                continue;
            }
            switch (tag) {
                case "input" -> {
                    String type = String.valueOf(attr(attrs, "type")).toLowerCase(java.util.Locale.ROOT);
                    if (type.equals("submit") || type.equals("button") || type.equals("file")
                            || type.equals("image") || type.equals("reset")) {
                        continue;
                    }
                    if ((type.equals("checkbox") || type.equals("radio")) && attr(attrs, "checked") == null) {
                        continue;
                    }
                    String value = attr(attrs, "value");
                    out.add(Map.entry(name, value == null ? (type.equals("checkbox") ? "on" : "") : value));
                }
                case "textarea" -> {
                    int close = f.indexOf("</textarea>", m.end());
                    out.add(Map.entry(name, unescape(f.substring(m.end(), close).replaceFirst("^\\n", ""))));
                }
                default -> {
                    int close = f.indexOf("</select>", m.end());
                    Matcher o = OPTION.matcher(f.substring(m.end(), close));
                    String selected = null;
                    while (o.find()) {
                        if (attr(o.group(1), "selected") != null) {
                            selected = attr(o.group(1), "value");
                        }
                    }
                    if (selected != null) {
                        out.add(Map.entry(name, selected));
                    }
                }
            }
        }
        return out;
    }

    /** {@code fields} with every value of {@code name} replaced by {@code value} (added when missing). */
    public static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> fields, String name,
                                                       String value) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        boolean done = false;
        for (Map.Entry<String, String> e : fields) {
            if (e.getKey().equals(name)) {
                if (!done) {
                    out.add(Map.entry(name, value));
                    done = true;
                }
            } else {
                out.add(e);
            }
        }
        if (!done) {
            out.add(Map.entry(name, value));
        }
        return out;
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private HttpResponse<String> send(HttpRequest r) {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
