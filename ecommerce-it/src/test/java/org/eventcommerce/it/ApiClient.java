package org.eventcommerce.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small client for the platform API in tests: JSON in, status + JSON out. */
public final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;
    private final String key;

    public ApiClient(URI base, String key) {
        this.base = base;
        this.key = key;
    }

    /** One answer: status, content type and body. */
    public record Answer(int status, String contentType, String body) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), null);
    }

    /** GET with {@code Accept: text/csv}. */
    public Answer csv(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/csv").GET(), null);
    }

    public Answer put(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).PUT(HttpRequest.BodyPublishers.ofString(json)), null);
    }

    public Answer post(String path, String json) {
        return post(path, json, null);
    }

    public Answer post(String path, String json, String idempotencyKey) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(json)),
                idempotencyKey);
    }

    private Answer send(HttpRequest.Builder b, String idempotencyKey) {
        b.timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json");
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
