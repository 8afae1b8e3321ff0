package org.eventcommerce.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends the Silent POST of the hosted page (paypal-protocols.md §1.7 step 3): an HTTP {@code POST} of the result
 * fields, {@code application/x-www-form-urlencoded}, to SILENTPOSTURL, in the background, once (no retry). The
 * outcome is logged, never the fields.
 */
final class SilentPoster implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Consumer<String> log;
    private volatile URI deliverTo;

    SilentPoster(Consumer<String> log) {
        this.log = log;
    }

    /**
     * Sends every later Silent POST to {@code base} (scheme, host and port) with the path and query of the
     * SILENTPOSTURL it was given; null sends to SILENTPOSTURL as given. For tests whose server listens elsewhere than
     * the public URL it writes (as a proxy in front of it would forward).
     */
    void deliverTo(URI base) {
        this.deliverTo = base;
    }

    /** Starts the post and returns at once; a bad URL or a failure is only logged. */
    void post(String url, Map<String, String> fields) {
        HttpRequest request;
        try {
            URI target = URI.create(url);
            URI base = deliverTo;
            if (base != null) {
                target = new URI(base.getScheme(), target.getRawUserInfo(), base.getHost(), base.getPort(),
                        target.getPath(), target.getQuery(), null);
            }
            request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(FormData.write(fields)))
                    .build();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            log.accept("silent post not sent: bad SILENTPOSTURL");
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null) {
                log.accept("silent post to " + request.uri() + " failed: " + failure);
            } else {
                log.accept("silent post to " + request.uri() + " -> HTTP " + response.statusCode());
            }
        });
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
