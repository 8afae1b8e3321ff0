package org.eventcommerce.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person in the portal over plain HTTP, as a browser without JavaScript would be (LeakScanIT, FuzzIT): its own
 * cookies, redirects seen one by one, sign-in through the login form, JSF posts built from the fields of the page as
 * served ({@link #fields}) and PrimeFaces ajax posts ({@link #ajax}). Every answer of the application is handed to the
 * optional {@code seen} consumer (LeakScanIT scans them all).
 */
final class PortalSession {

    /** One answer: the URL asked, the status, the Location (resolved) and the body. */
    record Page(URI uri, int status, URI location, String body) {
    }

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern FIELD_TAG = Pattern.compile("<(input|select|textarea)\\b([^>]*)>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>([^<]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\\s*=\\s*\"([^\"]*)\")?");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);");

    private final URI base;
    private final Consumer<Page> seen;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    /**
     * Cookies per host and port, name → value, sent back as a browser does (RFC 6265: {@code name=value}, never
     * quoted). Not the JDK's {@link java.net.CookieManager}: it takes a {@code Set-Cookie} with {@code Max-Age} for
     * an RFC 2965 cookie and sends it back quoted, and Payara fails on a quoted {@code JSESSIONIDVERSION} ("Odd
     * number of hexadecimal digits") before the application sees the request.
     */
    private final Map<String, Map<String, String>> cookies = new java.util.HashMap<>();

    /**
     * @param base the application's base URL (ending in /)
     * @param seen receives every answer; may be null
     */
    PortalSession(URI base, Consumer<Page> seen) {
        this.base = base;
        this.seen = seen == null ? p -> { } : seen;
    }

    /** A session signed in as {@code email}; fails unless the sign-in answers with a redirect. */
    static PortalSession signedIn(URI base, Consumer<Page> seen, String email, String password) {
        PortalSession s = new PortalSession(base, seen);
        Page login = s.get("login.xhtml");
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("login", "login"));
        form.add(Map.entry("login:email", email));
        form.add(Map.entry("login:password", password));
        form.add(Map.entry("login:signIn", ""));
        form.add(Map.entry("jakarta.faces.ViewState", viewState(login.body())));
        Page r = s.post("login.xhtml", form);
        if (r.status() != 302 && r.status() != 303) {
            throw new AssertionError("Sign-in of " + email + " answered " + r.status() + ": " + r.body());
        }
        return s;
    }

    /** GET of {@code path} (relative to the application, or an absolute URL of it). */
    Page get(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).GET().build());
    }

    /** GET, following the application's redirects (at most 5; never to PayPal's pages), returning the last answer. */
    Page open(String path) {
        Page p = get(path);
        for (int i = 0; i < 5 && p.location() != null
                && p.location().getPort() != Integer.getInteger("it.emulator.port", 18089); i++) {
            p = get(p.location().toString());
        }
        return p;
    }

    /** A form post ({@code application/x-www-form-urlencoded}, UTF-8); names may repeat. */
    Page post(String path, List<Map.Entry<String, String>> fields) {
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build());
    }

    /**
     * A PrimeFaces ajax post as the page's script sends it for a button: {@code fields} plus the partial-request
     * parameters for {@code source} (the button's client id), executing {@code execute} and rendering
     * {@code render} (client ids separated by spaces). The answer is a {@code partial-response} document.
     */
    Page ajax(String path, List<Map.Entry<String, String>> fields, String source, String execute, String render) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("jakarta.faces.partial.ajax", "true"));
        all.add(Map.entry("jakarta.faces.source", source));
        all.add(Map.entry("jakarta.faces.partial.execute", execute));
        all.add(Map.entry("jakarta.faces.partial.render", render));
        all.add(Map.entry(source, source));
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString(encode(all))).build());
    }

    /** A raw request through this session's cookies (FuzzIT: bodies that are not valid form encoding). */
    Page send(HttpRequest request) {
        try {
            Map<String, String> jar = cookies.computeIfAbsent(request.uri().getAuthority(),
                    k -> new java.util.LinkedHashMap<>());
            HttpRequest withCookies = jar.isEmpty() ? request : HttpRequest.newBuilder(request, (n, v) -> true)
                    .header("Cookie", jar.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; "))).build();
            HttpResponse<String> r = http.send(withCookies, HttpResponse.BodyHandlers.ofString());
            for (String set : r.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String name = pair.substring(0, eq).strip();
                    boolean expired = set.toLowerCase(Locale.ROOT).matches("(?s).*;\\s*max-age=0\\b.*");
                    if (expired) {
                        jar.remove(name);
                    } else {
                        jar.put(name, pair.substring(eq + 1).strip());
                    }
                }
            }
            URI location = r.headers().firstValue("Location").map(l -> request.uri().resolve(l)).orElse(null);
            Page page = new Page(request.uri(), r.statusCode(), location, r.body());
            seen.accept(page);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI resolve(String path) {
        URI u = URI.create(path);
        if (u.isAbsolute() && u.getPort() == Integer.getInteger("it.emulator.port", 18089)) {
            return u; // PayPal's pages (the emulator)
        }
        if (u.isAbsolute()) {
            // The application writes its public URL (127.0.0.1:8080 in the tests); keep path and query.
            String pq = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
            return base.resolve(pq.startsWith("/") ? pq.substring(1) : pq);
        }
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** The page's {@code jakarta.faces.ViewState}. */
    static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new AssertionError("No view state in the page: " + html);
        }
        return unescape(m.group(1));
    }

    /**
     * The fields of the form {@code formId} as a browser submits them: text, password and hidden inputs with their
     * values, checked check boxes and radio buttons, the selected option of each select (the first when none is),
     * text areas; buttons, file inputs and disabled fields left out. Names repeat for check box groups.
     */
    static List<Map.Entry<String, String>> fields(String html, String formId) {
        Matcher start = Pattern.compile("<form\\b[^>]*\\bid=\"" + Pattern.quote(formId) + "\"[^>]*>").matcher(html);
        if (!start.find()) {
            throw new AssertionError("No form " + formId + " in the page: " + html);
        }
        int end = html.indexOf("</form>", start.end());
        String form = html.substring(start.end(), end < 0 ? html.length() : end);
        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry(formId, formId));
        Matcher m = FIELD_TAG.matcher(form);
        while (m.find()) {
            String tag = m.group(1).toLowerCase(Locale.ROOT);
            Map<String, String> attrs = attributes(m.group(2));
            String name = attrs.get("name");
            if (name == null || attrs.containsKey("disabled") || name.equals(formId)) {
                continue;
            }
            switch (tag) {
                case "input" -> {
                    String type = attrs.getOrDefault("type", "text").toLowerCase(Locale.ROOT);
                    if (List.of("submit", "button", "file", "image", "reset").contains(type)) {
                        continue;
                    }
                    if ((type.equals("checkbox") || type.equals("radio")) && !attrs.containsKey("checked")) {
                        continue;
                    }
                    String value = attrs.get("value");
                    out.add(Map.entry(name, value == null ? (type.equals("checkbox") ? "on" : "") : unescape(value)));
                }
                case "select" -> {
                    int close = form.indexOf("</select>", m.end());
                    String options = form.substring(m.end(), close < 0 ? form.length() : close);
                    String first = null;
                    String selected = null;
                    Matcher o = OPTION.matcher(options);
                    while (o.find()) {
                        Map<String, String> oa = attributes(o.group(1));
                        String v = unescape(oa.getOrDefault("value", o.group(2).strip()));
                        first = first == null ? v : first;
                        if (oa.containsKey("selected")) {
                            selected = v;
                        }
                    }
                    if (selected != null || first != null) {
                        out.add(Map.entry(name, selected != null ? selected : first));
                    }
                }
                default -> {
                    int close = form.indexOf("</textarea>", m.end());
                    out.add(Map.entry(name, unescape(form.substring(m.end(), close < 0 ? m.end() : close))));
                }
            }
        }
        return out;
    }

    /** {@code fields} with the value of {@code name} replaced (added when missing): {@link PortalClient#with}. */
    static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> fields, String name, String value) {
        return PortalClient.with(fields, name, value);
    }

    /** The text of HTML with its character references resolved. */
    static String unescape(String html) {
        Matcher m = ENTITY.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> Character.toString(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16)
                        : Integer.parseInt(e.substring(1)));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(r));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Matcher a = ATTRIBUTE.matcher(text);
        while (a.find()) {
            out.putIfAbsent(a.group(1).toLowerCase(Locale.ROOT), a.group(2));
        }
        return out;
    }

    private static String encode(List<Map.Entry<String, String>> fields) {
        return fields.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
