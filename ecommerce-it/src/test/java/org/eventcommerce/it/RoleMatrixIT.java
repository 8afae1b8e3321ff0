package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5 "Security": who may use what, over HTTP only (no browser). Every view of the deployed WAR (its
 * {@code *.xhtml} outside {@code WEB-INF/}, and the servlets {@code /pay/*} and {@code /paypal/*}) is opened by every
 * person: the site's administrator, host and attendee, somebody not signed in, and the administrator of the second
 * site (loaded by {@code ECOMMERCE_DEMO_SECOND_SITE=true} in the ITs' Payara configuration). Every JAX-RS operation
 * of the deployed application's {@code /openapi} document is called with the site's API key, the second site's key,
 * a wrong key and no key. The expected answers live in one table per kind ({@link #VIEWS}, {@link #OPERATIONS}); a
 * view or operation of the deployment missing from the table fails ("new page without a rule"), and so does a table
 * entry the deployment does not have.
 *
 * <p>Requests are harmless: GETs, or writes with a body the role check must refuse before validation (the site's
 * own key then gets 400, the others 401 or 404), so the matrix changes nothing other test classes rely on. The data
 * this class reads is its own: an offering of another host, an order paid by another attendee, its transaction, a
 * promotion code and its audit entry, all in the first site and all carrying this run's mark; the second site's
 * people and key never see that mark.
 */
@ExtendWith({EmulatorExtension.class, ArquillianExtension.class})
@RunAsClient
class RoleMatrixIT {

    /** The people of the view matrix. */
    enum Person { ADMIN, HOST, ATTENDEE, ANONYMOUS, OTHER_ADMIN }

    /** The API keys of the operation matrix. */
    enum Key { SITE, OTHER_SITE, WRONG, NONE }

    /** Who may open a view. */
    enum Rule {
        /** {@code /admin/*}: site administrators (of any site: each sees only their own site's data). */
        SITE_ADMIN,
        /** {@code /host/*}: hosts. */
        HOST,
        /** {@code /attendee/*}: attendees. */
        ATTENDEE,
        /** The sign-in page: shown to somebody not signed in; the signed-in are sent to their start page. */
        SIGN_IN,
        /** The start page: sends everybody to the page of their role (or to sign in). */
        START,
        /** Open to everybody with the same answer (the signed payment link, the error page). */
        PUBLIC
    }

    /** A view of the table: its rule, the request (path and query) and the status of a public view. */
    record View(Rule rule, Function<Fixture, String> request, int publicStatus, boolean otherSiteNotFound) {
    }

    /**
     * Every view of the deployment, with who may open it. Order and transaction detail pages are opened with ids of
     * this class's own order and transaction in the first site: the second site's administrator is told "not found".
     */
    static final Map<String, View> VIEWS = new LinkedHashMap<>();

    static {
        admin("admin/ecommerce.xhtml");
        admin("admin/audit-log.xhtml");
        VIEWS.put("admin/orders/order.xhtml", new View(Rule.SITE_ADMIN,
                f -> "admin/orders/order.xhtml?id=" + f.orderId, 0, true));
        admin("admin/payments/held.xhtml");
        admin("admin/payments/reconciliation.xhtml");
        admin("admin/promotion-codes/create.xhtml");
        admin("admin/promotion-codes/failed-attempts.xhtml");
        admin("admin/promotion-codes/mail-template.xhtml");
        admin("admin/promotion-codes/outbox.xhtml");
        admin("admin/promotion-codes/report.xhtml");
        admin("admin/reports/revenue.xhtml");
        VIEWS.put("admin/transactions/detail.xhtml", new View(Rule.SITE_ADMIN,
                f -> "admin/transactions/detail.xhtml?id=" + f.transactionId, 0, true));
        admin("admin/transactions/index.xhtml");
        VIEWS.put("attendee/access.xhtml", new View(Rule.ATTENDEE, f -> "attendee/access.xhtml", 0, false));
        VIEWS.put("attendee/offerings.xhtml", new View(Rule.ATTENDEE, f -> "attendee/offerings.xhtml", 0, false));
        VIEWS.put("host/offerings.xhtml", new View(Rule.HOST, f -> "host/offerings.xhtml", 0, false));
        VIEWS.put("index.xhtml", new View(Rule.START, f -> "index.xhtml", 0, false));
        VIEWS.put("login.xhtml", new View(Rule.SIGN_IN, f -> "login.xhtml", 0, false));
        VIEWS.put("error.xhtml", new View(Rule.PUBLIC, f -> "error.xhtml", 200, false));
        // The payment page and its servlets are reached by the order's signed link, whoever holds it.
        VIEWS.put("payment.xhtml", new View(Rule.PUBLIC,
                f -> "payment.xhtml?order=" + f.orderId + "&sig=" + f.signature, 200, false));
        VIEWS.put("/pay/*", new View(Rule.PUBLIC, f -> "pay/" + f.orderId + "?sig=" + f.signature, 200, false));
        // A return from PayPal without the order's signature is not found, for everybody.
        VIEWS.put("/paypal/*", new View(Rule.PUBLIC,
                f -> "paypal/return/" + f.orderId + "?sig=forged&token=EC-FORGED", 404, false));
    }

    private static void admin(String path) {
        VIEWS.put(path, new View(Rule.SITE_ADMIN, f -> path, 0, false));
    }

    /**
     * One API operation of the table: the harmless request, and the status per key of the two sites. The wrong key and
     * no key are always 401.
     */
    record Operation(Function<Fixture, Call> call, int site, int otherSite) {
    }

    /** A request: method, path with query, body (null for none) and content type. */
    record Call(String method, String path, String body, String contentType) {
        static Call get(String path) {
            return new Call("GET", path, null, null);
        }

        static Call json(String method, String path, String body) {
            return new Call(method, path, body, "application/json");
        }
    }

    /**
     * Every operation of the OpenAPI document ("METHOD /api/v1/path" as the document writes it). The second site's key
     * gets 404 for the first site's orders, transactions and offerings, its own (empty of this run's data) answer for
     * lists, and the same 400 as the site's key for bodies that are refused whatever the site.
     */
    static final Map<String, Operation> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("GET /api/v1/audit-log", new Operation(f -> Call.get("api/v1/audit-log?limit=500"), 200, 200));
        OPERATIONS.put("GET /api/v1/entitlements", new Operation(f -> Call.get("api/v1/entitlements?attendee="
                + f.buyer + "&offering=" + f.offering), 200, 200));
        OPERATIONS.put("GET /api/v1/offerings/{id}", new Operation(f -> Call.get("api/v1/offerings/" + f.offering),
                200, 404));
        // An empty body: title, service, type and host are required.
        OPERATIONS.put("PUT /api/v1/offerings/{id}", new Operation(f -> Call.json("PUT", "api/v1/offerings/"
                + f.offering, "{}"), 400, 400));
        OPERATIONS.put("POST /api/v1/orders", new Operation(f -> Call.json("POST", "api/v1/orders", "{}"), 400, 400));
        OPERATIONS.put("GET /api/v1/orders/{id}", new Operation(f -> Call.get("api/v1/orders/" + f.orderId), 200,
                404));
        // Unknown fields: refused before anything is paid, refunded or voided.
        OPERATIONS.put("POST /api/v1/orders/{id}/payments", new Operation(f -> Call.json("POST", "api/v1/orders/"
                + f.orderId + "/payments", "{\"matrix\": true}"), 400, 404));
        OPERATIONS.put("POST /api/v1/orders/{id}/refunds", new Operation(f -> Call.json("POST", "api/v1/orders/"
                + f.orderId + "/refunds", "{\"matrix\": true}"), 400, 404));
        OPERATIONS.put("POST /api/v1/orders/{id}/captures", new Operation(f -> Call.json("POST", "api/v1/orders/"
                + f.orderId + "/captures", "{\"matrix\": true}"), 400, 404));
        OPERATIONS.put("POST /api/v1/orders/{id}/voids", new Operation(f -> Call.json("POST", "api/v1/orders/"
                + f.orderId + "/voids", "{\"matrix\": true}"), 400, 404));
        OPERATIONS.put("GET /api/v1/ping", new Operation(f -> Call.get("api/v1/ping"), 200, 200));
        OPERATIONS.put("GET /api/v1/promotion-codes", new Operation(f -> Call.get("api/v1/promotion-codes?code="
                + f.code), 200, 200));
        OPERATIONS.put("POST /api/v1/promotion-codes", new Operation(f -> Call.json("POST", "api/v1/promotion-codes",
                "{}"), 400, 400));
        // Only a preview: creates nothing.
        OPERATIONS.put("POST /api/v1/promotion-codes/recipients", new Operation(f -> new Call("POST",
                "api/v1/promotion-codes/recipients", "matrix@example.org,Matrix Person\n", "text/csv"), 200, 200));
        // The site: a past date is refused. The other site: the first site's code is unknown there.
        OPERATIONS.put("POST /api/v1/promotion-codes/extension", new Operation(f -> Call.json("POST",
                "api/v1/promotion-codes/extension", "{\"codes\": [\"" + f.code + "\"], \"expiresOn\": \""
                        + (f.key == Key.SITE ? "2000-01-01" : LocalDate.now().plusYears(5)) + "\"}"), 400, 400));
        OPERATIONS.put("POST /api/v1/promotion-codes/deletion", new Operation(f -> Call.json("POST",
                "api/v1/promotion-codes/deletion", f.key == Key.SITE ? "{\"codes\": []}"
                        : "{\"codes\": [\"" + f.code + "\"]}"), 400, 400));
        OPERATIONS.put("GET /api/v1/quotes", new Operation(f -> Call.get("api/v1/quotes?offering=" + f.offering),
                200, 404));
        OPERATIONS.put("GET /api/v1/reconciliation", new Operation(f -> Call.get("api/v1/reconciliation?size=5"), 200,
                200));
        // A pass over the caller's own site's open transactions only: it asks PayPal, as the timer would.
        OPERATIONS.put("POST /api/v1/reconciliation/runs", new Operation(f -> Call.json("POST",
                "api/v1/reconciliation/runs", ""), 200, 200));
        // No such alert on either site.
        OPERATIONS.put("POST /api/v1/reconciliation/alerts/{id}/acknowledgement", new Operation(f -> Call.json("POST",
                "api/v1/reconciliation/alerts/matrix-no-such-alert/acknowledgement", ""), 404, 404));
        OPERATIONS.put("GET /api/v1/reports/revenue", new Operation(f -> Call.get("api/v1/reports/revenue?from="
                + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1) + "&includeTest=true"), 200,
                200));
        OPERATIONS.put("GET /api/v1/settings", new Operation(f -> Call.get("api/v1/settings"), 200, 200));
        OPERATIONS.put("PUT /api/v1/settings", new Operation(f -> Call.json("PUT", "api/v1/settings",
                "{\"mode\": \"MATRIX\"}"), 400, 400));
        OPERATIONS.put("POST /api/v1/settings/connection-test", new Operation(f -> Call.json("POST",
                "api/v1/settings/connection-test?mode=MATRIX", ""), 400, 400));
        OPERATIONS.put("GET /api/v1/transactions", new Operation(f -> Call.get("api/v1/transactions?includeTest=true"
                + "&attendee=" + f.buyer), 200, 200));
        OPERATIONS.put("GET /api/v1/transactions/{id}", new Operation(f -> Call.get("api/v1/transactions/"
                + f.transactionId), 200, 404));
    }

    /** The first site's data of this run, and the key a call is made with. */
    static final class Fixture {
        String run;
        String offering;
        String offeringTitle;
        String buyer;
        String orderId;
        String signature;
        String transactionId;
        String code;
        Key key;
    }

    private static Fixture fixture;
    private static final Map<Person, PortalClient> PEOPLE = new EnumMap<>(Person.class);
    private static PortalClient otherHost;
    private static PortalClient otherAttendee;

    @ArquillianResource
    URL deployed;

    private URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void setUp() {
        base = Deployments.loopback(deployed);
        if (fixture == null) {
            fixture = createFixture();
            PEOPLE.put(Person.ADMIN, PortalClient.signedIn(base, "admin@demo.example", "admin-demo-1"));
            PEOPLE.put(Person.HOST, PortalClient.signedIn(base, "host@demo.example", "host-demo-1"));
            PEOPLE.put(Person.ATTENDEE, PortalClient.signedIn(base, "attendee@demo.example", "attendee-demo-1"));
            PEOPLE.put(Person.ANONYMOUS, new PortalClient(base));
            PEOPLE.put(Person.OTHER_ADMIN, PortalClient.signedIn(base, "admin@second.example", "admin-second-1"));
            otherHost = PortalClient.signedIn(base, "host@second.example", "host-second-1");
            otherAttendee = PortalClient.signedIn(base, "attendee@second.example", "attendee-second-1");
        }
    }

    /**
     * In the first site, through its API: an offering of another host, an order of another attendee paid by card (its
     * transaction, an entitlement), a promotion code and its extension (an audit entry). Everything carries the run's
     * mark ({@link Fixture#run}) except the ids the server chose.
     */
    private Fixture createFixture() {
        ApiClient api = new ApiClient(base, "demo-platform-key");
        Fixture f = new Fixture();
        f.run = "mtx" + Long.toString(System.nanoTime(), 36);
        f.offering = "matrix-" + f.run;
        f.offeringTitle = "Matrix offering " + f.run;
        ApiClient.Answer off = api.put("api/v1/offerings/" + f.offering, """
                {"title": "%s", "service": "TRAINING", "type": "TRAINING_SESSION", "host": "host-%s@example.com",
                 "startsAt": "2027-03-01T15:00:00+00:00", "fee": {"amount": "30.00", "currency": "USD"}}"""
                .formatted(f.offeringTitle, f.run));
        assertThat(off.status()).as(off.body()).isEqualTo(201);
        f.buyer = "buyer-" + f.run + "@example.com";
        ApiClient.Answer order = api.post("api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "%s", "name": "Mat Rix"}}""".formatted(f.offering, f.buyer));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        f.orderId = order.json().getString("id");
        URI link = URI.create(order.json().getString("paymentPageUrl"));
        f.signature = link.getRawQuery().replaceFirst("^.*sig=", "");
        ApiClient.Answer paid = api.post("api/v1/orders/" + f.orderId + "/payments", """
                {"card": {"number": "4111111111111111", "expiry": "1230", "cvv": "123", "holder": "Mat Rix"}}""",
                "matrix-" + f.run);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().getJsonObject("transaction").getString("status")).isEqualTo("APPROVED");
        f.transactionId = paid.json().getJsonObject("transaction").getString("id");

        boolean codesOn = api.get("api/v1/settings").json().getBoolean("promotionCodesEnabled");
        if (!codesOn) {
            assertThat(api.put("api/v1/settings", "{\"promotionCodesEnabled\": true}").status()).isEqualTo(200);
        }
        try {
            f.code = f.run.toUpperCase(Locale.ROOT);
            ApiClient.Answer created = api.post("api/v1/promotion-codes", """
                    {"service": "TRAINING", "codeType": "CUSTOM", "customCode": "%s", "usage": {"type": "UNLIMITED"},
                     "discount": {"type": "PERCENT", "percent": "10"}, "expiresOn": "%s", "appliesTo": "ALL",
                     "sendEmail": false}""".formatted(f.code, LocalDate.now().plusYears(1)));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ApiClient.Answer extended = api.post("api/v1/promotion-codes/extension", """
                    {"codes": ["%s"], "expiresOn": "%s"}""".formatted(f.code, LocalDate.now().plusYears(2)));
            assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        } finally {
            if (!codesOn) {
                assertThat(api.put("api/v1/settings", "{\"promotionCodesEnabled\": false}").status()).isEqualTo(200);
            }
        }
        return f;
    }

    // ---------------------------------------------------------------------------------------------------- views

    @Test
    void everyViewOfTheDeploymentHasARule() {
        Set<String> deployed = new TreeSet<>();
        for (ArchivePath p : Deployments.builtWar().getContent().keySet()) {
            String name = p.get().substring(1);
            if (name.endsWith(".xhtml") && !name.startsWith("WEB-INF/") && !name.startsWith("META-INF/")) {
                deployed.add(name);
            }
        }
        deployed.add("/pay/*");
        deployed.add("/paypal/*");
        Set<String> withoutRule = new TreeSet<>(deployed);
        withoutRule.removeAll(VIEWS.keySet());
        assertThat(withoutRule).as("new page without a rule in RoleMatrixIT.VIEWS").isEmpty();
        Set<String> notDeployed = new TreeSet<>(VIEWS.keySet());
        notDeployed.removeAll(deployed);
        assertThat(notDeployed).as("rule for a page the deployment does not have").isEmpty();
    }

    @Test
    void everyPersonGetsWhatTheRuleSaysForEveryView() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, View> v : VIEWS.entrySet()) {
            String request = v.getValue().request().apply(fixture);
            for (Person who : Person.values()) {
                HttpResponse<String> r = PEOPLE.get(who).get(request);
                String problem = check(v.getValue(), who, r);
                if (problem != null) {
                    wrong.add(v.getKey() + " as " + who + ": " + problem);
                }
            }
        }
        assertThat(wrong).as("views answering other than their rule").isEmpty();
    }

    /** Null when {@code r} is what {@code who} must get for {@code view}, else what is wrong. */
    private String check(View view, Person who, HttpResponse<String> r) {
        int status = r.statusCode();
        String location = r.headers().firstValue("Location").orElse("");
        boolean signedIn = who != Person.ANONYMOUS;
        boolean mayUse = switch (view.rule()) {
            case SITE_ADMIN -> who == Person.ADMIN || who == Person.OTHER_ADMIN;
            case HOST -> who == Person.HOST;
            case ATTENDEE -> who == Person.ATTENDEE;
            case SIGN_IN, START, PUBLIC -> true;
        };
        if (view.rule() == Rule.PUBLIC) {
            return status == view.publicStatus() ? null : "status " + status + ", expected " + view.publicStatus();
        }
        if (view.rule() == Rule.SIGN_IN) {
            return signedIn ? redirect(status, location, "index.xhtml") : ok(status);
        }
        if (view.rule() == Rule.START) {
            return redirect(status, location, switch (who) {
                case ADMIN, OTHER_ADMIN -> "admin/ecommerce.xhtml";
                case HOST -> "host/offerings.xhtml";
                case ATTENDEE -> "attendee/offerings.xhtml";
                case ANONYMOUS -> "login.xhtml";
            });
        }
        if (!signedIn) {
            return redirect(status, location, "login.xhtml");
        }
        if (!mayUse) {
            return status == 403 ? null : "status " + status + ", expected 403 (signed in without the role)";
        }
        if (who == Person.OTHER_ADMIN && view.otherSiteNotFound()) {
            // The first site's order or transaction, asked for by the second site's administrator: not found.
            return status == 404 ? null : "status " + status + ", expected 404 for another site's id";
        }
        return ok(status);
    }

    private static String ok(int status) {
        return status == 200 ? null : "status " + status + ", expected 200";
    }

    private static String redirect(int status, String location, String target) {
        return (status == 302 || status == 303) && location.contains(target) ? null
                : "status " + status + " to '" + location + "', expected a redirect to " + target;
    }

    // ------------------------------------------------------------------------------------------------------ API

    @Test
    void everyOperationOfTheOpenApiDocumentHasARule() {
        Set<String> deployed = openApiOperations();
        Set<String> withoutRule = new TreeSet<>(deployed);
        withoutRule.removeAll(OPERATIONS.keySet());
        assertThat(withoutRule).as("new operation without a rule in RoleMatrixIT.OPERATIONS").isEmpty();
        Set<String> notDeployed = new TreeSet<>(OPERATIONS.keySet());
        notDeployed.removeAll(deployed);
        assertThat(notDeployed).as("rule for an operation the deployment does not have").isEmpty();
    }

    @Test
    void everyKeyGetsWhatTheRuleSaysForEveryOperation() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Operation> o : OPERATIONS.entrySet()) {
            for (Key key : Key.values()) {
                fixture.key = key;
                Call call = o.getValue().call().apply(fixture);
                HttpResponse<String> r = send(call, switch (key) {
                    case SITE -> "demo-platform-key";
                    case OTHER_SITE -> "second-platform-key";
                    case WRONG -> "wrong-key-" + fixture.run;
                    case NONE -> null;
                });
                int expected = switch (key) {
                    case SITE -> o.getValue().site();
                    case OTHER_SITE -> o.getValue().otherSite();
                    case WRONG, NONE -> 401;
                };
                if (expected == 401 && r.statusCode() == 401
                        && !r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
                    wrong.add(o.getKey() + " with " + key + " key: 401 without 'WWW-Authenticate: Bearer'");
                } else if (r.statusCode() != expected) {
                    wrong.add(o.getKey() + " with " + key + " key: status " + r.statusCode() + ", expected " + expected
                            + ": " + r.body());
                } else if (key != Key.SITE && r.body().contains(fixture.run)) {
                    wrong.add(o.getKey() + " with " + key + " key shows the first site's data: " + r.body());
                }
            }
        }
        fixture.key = null;
        assertThat(wrong).as("operations answering other than their rule").isEmpty();
    }

    /** "METHOD /path" of every operation in the deployed application's OpenAPI document. */
    private Set<String> openApiOperations() {
        HttpResponse<String> r = send(new Call("GET", "openapi", null, null), null, "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject doc = Json.createReader(new StringReader(r.body())).readObject();
        Set<String> ops = new TreeSet<>();
        for (Map.Entry<String, JsonValue> p : doc.getJsonObject("paths").entrySet()) {
            String path = p.getKey().startsWith("/api/v1/") ? p.getKey() : "/api/v1" + p.getKey();
            for (String method : p.getValue().asJsonObject().keySet()) {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(method)) {
                    ops.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        assertThat(ops).isNotEmpty();
        return ops;
    }

    // -------------------------------------------------------------------------------------------- isolation

    @Test
    void theSecondSitesAdministratorSeesNothingOfTheFirstSite() {
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, View> v : VIEWS.entrySet()) {
            if (v.getValue().rule() != Rule.SITE_ADMIN) {
                continue;
            }
            String body = PEOPLE.get(Person.OTHER_ADMIN).get(v.getValue().request().apply(fixture)).body();
            for (String mark : firstSiteMarks()) {
                if (body.contains(mark)) {
                    leaks.add(v.getKey() + " shows '" + mark + "'");
                }
            }
        }
        assertThat(leaks).as("first-site data on the second site's administration pages").isEmpty();
        assertThat(PEOPLE.get(Person.OTHER_ADMIN).get("admin/orders/order.xhtml?id=" + fixture.orderId).body())
                .contains("id=\"notFound\"").doesNotContain("id=\"order\"");
        // The same pages show the first site's data to its own administrator (so the marks above can be found).
        PortalClient admin = PEOPLE.get(Person.ADMIN);
        assertThat(admin.get("admin/orders/order.xhtml?id=" + fixture.orderId).body())
                .contains(fixture.offeringTitle, fixture.buyer);
        assertThat(admin.get("admin/transactions/detail.xhtml?id=" + fixture.transactionId).body())
                .contains(fixture.offeringTitle, fixture.buyer);
        assertThat(admin.get("admin/transactions/index.xhtml").body()).contains(fixture.buyer);
        assertThat(admin.get("admin/promotion-codes/report.xhtml").body()).contains(fixture.code);
        assertThat(admin.get("admin/audit-log.xhtml").body()).contains(fixture.code);
    }

    @Test
    void pathTricksDoNotGetAroundTheRoleAreas() {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("admin/ecommerce.xhtml", "/admin/ecommerce.xhtml", "//admin/ecommerce.xhtml",
                "./admin/ecommerce.xhtml",
                "admin/./ecommerce.xhtml", "host/../admin/ecommerce.xhtml", "admin;x=1/ecommerce.xhtml",
                "admin/ecommerce.xhtml;jsessionid=1", "%61dmin/ecommerce.xhtml", "admin%2fecommerce.xhtml",
                "ADMIN/ecommerce.xhtml", "admin/ecommerce.xhtml/", "admin/ecommerce.jsf", "admin/ecommerce.faces",
                "jakarta.faces.resource/ecommerce.xhtml.xhtml?ln=../admin", "WEB-INF/web.xml",
                "WEB-INF/templates/layout.xhtml", "faces/admin/ecommerce.xhtml")) {
            for (Person who : List.of(Person.ANONYMOUS, Person.ATTENDEE, Person.HOST)) {
                HttpResponse<String> r = PEOPLE.get(who).getExact(path);
                if (r.statusCode() == 200 || r.body().contains("settings:merchantName")
                        || r.body().contains("<security-constraint>")) {
                    wrong.add(path + " as " + who + ": status " + r.statusCode());
                }
            }
        }
        assertThat(wrong).as("role areas reached by another spelling of the path").isEmpty();
    }

    /** Text that only the first site's pages may show. */
    private static List<String> firstSiteMarks() {
        return List.of(fixture.run, fixture.code, fixture.buyer, "demo.example", "Annual Keynote",
                "Demo Training Co.");
    }

    @Test
    void hostsSeeOnlyTheirOwnOfferingsAndAttendeesOnlyTheirOwnAccess() {
        String host = PEOPLE.get(Person.HOST).get("host/offerings.xhtml").body();
        assertThat(host).contains("Annual Keynote (live)").doesNotContain(fixture.offeringTitle)
                .doesNotContain("Second Site Webinar");
        String secondHost = otherHost.get("host/offerings.xhtml").body();
        assertThat(secondHost).contains("Second Site Webinar").doesNotContain("Annual Keynote")
                .doesNotContain(fixture.run);

        // The run's offering is for sale in the first site, but access to it is the buyer's alone.
        assertThat(PEOPLE.get(Person.ATTENDEE).get("attendee/offerings.xhtml").body())
                .contains(fixture.offeringTitle).doesNotContain("Second Site Webinar");
        assertThat(PEOPLE.get(Person.ATTENDEE).get("attendee/access.xhtml").body())
                .doesNotContain(fixture.offeringTitle);
        assertThat(otherAttendee.get("attendee/offerings.xhtml").body()).contains("Second Site Webinar")
                .doesNotContain("Annual Keynote").doesNotContain(fixture.run);
        assertThat(otherAttendee.get("attendee/access.xhtml").body()).doesNotContain(fixture.run);

        // Through the API: the buyer has access in the first site; the second site's key learns nothing of it.
        JsonObject mine = json(send(Call.get("api/v1/entitlements?attendee=" + fixture.buyer + "&offering="
                + fixture.offering), "demo-platform-key"));
        assertThat(mine.getBoolean("granted")).isTrue();
        assertThat(mine.getString("orderId")).isEqualTo(fixture.orderId);
        JsonObject theirs = json(send(Call.get("api/v1/entitlements?attendee=" + fixture.buyer + "&offering="
                + fixture.offering), "second-platform-key"));
        assertThat(theirs.getBoolean("granted")).isFalse();
        assertThat(theirs.isNull("orderId")).isTrue();
    }

    @Test
    void theSecondSitesKeyListsNothingOfTheFirstSiteAndChangesNothingThere() {
        // Lists: the first site's key finds the run's rows, the second site's key none.
        assertThat(json(send(Call.get("api/v1/transactions?includeTest=true&attendee=" + fixture.buyer),
                "demo-platform-key")).getInt("total")).isEqualTo(1);
        assertThat(json(send(Call.get("api/v1/transactions?includeTest=true&attendee=" + fixture.buyer),
                "second-platform-key")).getInt("total")).isZero();
        assertThat(json(send(Call.get("api/v1/promotion-codes?code=" + fixture.code), "demo-platform-key"))
                .getInt("total")).isEqualTo(1);
        assertThat(json(send(Call.get("api/v1/promotion-codes?code=" + fixture.code), "second-platform-key"))
                .getInt("total")).isZero();
        assertThat(send(Call.get("api/v1/audit-log?limit=500"), "demo-platform-key").body()).contains(fixture.code);
        JsonObject settings = json(send(Call.get("api/v1/settings"), "second-platform-key"));
        assertThat(settings.getString("merchantName")).isEqualTo("Second Site Ltd.");

        // The second site's key cannot extend or delete the first site's code: unknown there, refused whole.
        HttpResponse<String> extend = send(Call.json("POST", "api/v1/promotion-codes/extension", "{\"codes\": [\""
                + fixture.code + "\"], \"expiresOn\": \"" + LocalDate.now().plusYears(5) + "\"}"),
                "second-platform-key");
        assertThat(extend.statusCode()).as(extend.body()).isEqualTo(400);
        HttpResponse<String> delete = send(Call.json("POST", "api/v1/promotion-codes/deletion", "{\"codes\": [\""
                + fixture.code + "\"]}"), "second-platform-key");
        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(400);
        HttpResponse<String> refund = send(Call.json("POST", "api/v1/orders/" + fixture.orderId + "/refunds", "{}"),
                "second-platform-key");
        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(404);
        HttpResponse<String> capture = send(Call.json("POST", "api/v1/orders/" + fixture.orderId + "/captures", "{}"),
                "second-platform-key");
        assertThat(capture.statusCode()).as(capture.body()).isEqualTo(404);
        JsonObject code = json(send(Call.get("api/v1/promotion-codes?code=" + fixture.code), "demo-platform-key"))
                .getJsonArray("items").getJsonObject(0);
        assertThat(code.getString("status")).isEqualTo("ACTIVE");
        assertThat(code.getString("expiresOn")).isEqualTo(LocalDate.now().plusYears(2).toString());
        JsonObject order = json(send(Call.get("api/v1/orders/" + fixture.orderId), "demo-platform-key"));
        assertThat(order.getString("status")).isEqualTo("PAID");
        assertThat(order.getJsonArray("transactions")).hasSize(1);
    }

    // -------------------------------------------------------------------------------------------------- HTTP

    private HttpResponse<String> send(Call call, String key) {
        return send(call, key, "application/json");
    }

    private HttpResponse<String> send(Call call, String key, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(call.path())).timeout(Duration.ofSeconds(60))
                .header("Accept", accept);
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (call.body() != null) {
            b.header("Content-Type", call.contentType());
            if (call.path().contains("/payments") || call.path().contains("/refunds")
                    || call.path().contains("/captures") || call.path().contains("/voids")) {
                b.header("Idempotency-Key", "matrix-" + System.nanoTime());
            }
        }
        b.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body()));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.createReader(new StringReader(r.body())).readObject();
    }
}
