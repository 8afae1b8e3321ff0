package org.eventcommerce.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A test-side Payflow client written for these tests only: raw hand-written bodies over
 * java.net.http.HttpClient, and its own small reader for answers (length tags included, §1.3).
 * It shares nothing with the emulator's parser or writer nor with the project's connector.
 */
final class PayflowTestClient {

    static final String CREDENTIALS = "PARTNER=PayPal&VENDOR=demomerchant&USER=demomerchant&PWD=emulator-pw1";
    static final String VISA = "4111111111111111";

    private final URI base;
    private final HttpClient http;

    PayflowTestClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** An expiry date (MMYY) three years ahead, so tests do not age. */
    static String futureExpiry() {
        YearMonth later = YearMonth.now(ZoneOffset.UTC).plusYears(3);
        return String.format("%02d%02d", later.getMonthValue(), later.getYear() % 100);
    }

    /** A sale body with a test Visa card. */
    static String sale(String amt) {
        return "TRXTYPE=S&TENDER=C&" + CREDENTIALS + "&ACCT=" + VISA + "&EXPDATE=" + futureExpiry()
                + "&AMT=" + amt + "&CURRENCY=USD";
    }

    /** An authorization body with a test Visa card. */
    static String authorization(String amt) {
        return "TRXTYPE=A&TENDER=C&" + CREDENTIALS + "&ACCT=" + VISA + "&EXPDATE=" + futureExpiry()
                + "&AMT=" + amt + "&CURRENCY=USD";
    }

    /** A body for a follow-on transaction (D, V, C, I) with extra raw pairs. */
    static String followOn(String trxType, String extra) {
        return "TRXTYPE=" + trxType + "&TENDER=C&" + CREDENTIALS + (extra.isEmpty() ? "" : "&" + extra);
    }

    static String newRequestId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Posts with the standard headers and a fresh request id. */
    Answer post(String body) throws IOException, InterruptedException {
        return post(newRequestId(), body);
    }

    /** Posts with the standard headers. */
    Answer post(String requestId, String body) throws IOException, InterruptedException {
        return post(standardHeaders(requestId), body);
    }

    /** Posts with exactly these headers. */
    Answer post(Map<String, String> headers, String body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request(headers, body), HttpResponse.BodyHandlers.ofByteArray());
        return Answer.of(response);
    }

    /** Posts asynchronously with the standard headers. */
    CompletableFuture<Answer> postAsync(String requestId, String body) {
        return http.sendAsync(request(standardHeaders(requestId), body), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(Answer::of);
    }

    static Map<String, String> standardHeaders(String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/namevalue");
        headers.put("X-VPS-REQUEST-ID", requestId);
        headers.put("X-VPS-CLIENT-TIMEOUT", "45");
        return headers;
    }

    /** POST to /control/... ; returns the status and body. */
    HttpResponse<String> controlPost(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve("/control/" + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET /control/... ; returns the status and body. */
    HttpResponse<String> controlGet(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve("/control/" + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(Map<String, String> headers, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base)
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1)));
        headers.forEach(builder::header);
        return builder.build();
    }

    /** One answer: HTTP status, raw text and the pairs read from it. */
    record Answer(int status, String contentType, String raw, Map<String, String> pairs) {

        static Answer of(HttpResponse<byte[]> response) {
            String raw = new String(response.body(), StandardCharsets.ISO_8859_1);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            return new Answer(response.statusCode(), contentType, raw, read(raw));
        }

        String get(String name) {
            return pairs.get(name);
        }

        int result() {
            return Integer.parseInt(pairs.get("RESULT"));
        }

        String pnref() {
            return pairs.get("PNREF");
        }

        /** Minimal reader: NAME=value&..., NAME[n]=value with n characters. */
        static Map<String, String> read(String raw) {
            Map<String, String> pairs = new LinkedHashMap<>();
            int i = 0;
            while (i < raw.length()) {
                int eq = raw.indexOf('=', i);
                String name = raw.substring(i, eq);
                int bracket = name.indexOf('[');
                if (bracket >= 0) {
                    int n = Integer.parseInt(name.substring(bracket + 1, name.length() - 1));
                    pairs.put(name.substring(0, bracket), raw.substring(eq + 1, eq + 1 + n));
                    i = eq + 1 + n + 1;
                } else {
                    int amp = raw.indexOf('&', eq);
                    int end = amp < 0 ? raw.length() : amp;
                    pairs.put(name, raw.substring(eq + 1, end));
                    i = end + 1;
                }
            }
            return pairs;
        }
    }
}
