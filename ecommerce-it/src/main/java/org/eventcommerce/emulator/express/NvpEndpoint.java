package org.eventcommerce.emulator.express;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code POST /nvp}: the classic NVP API endpoint ({@code api-3t.sandbox.paypal.com/nvp}, §3.1). The body is parsed
 * by {@link FormCodec}, answered by {@link NvpOperations} and written back URL-encoded, HTTP 200,
 * {@code text/plain; charset=utf-8}. A body that cannot be parsed gets an NVP answer with 10001 "Internal Error";
 * another method than POST gets 405. The log line names METHOD, SUBJECT, ACK, the error code and CORRELATIONID, never
 * PWD or SIGNATURE.
 */
final class NvpEndpoint implements HttpHandler {

    private final NvpOperations operations;
    private final Consumer<String> log;

    NvpEndpoint(NvpOperations operations, Consumer<String> log) {
        this.operations = operations;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = HttpText.body(exchange);
            if (!"/nvp".equals(exchange.getRequestURI().getPath())) {
                HttpText.plain(exchange, 404, "not found\n");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                HttpText.plain(exchange, 405, "the NVP endpoint takes POST\n");
                return;
            }
            Map<String, String> request;
            Map<String, String> answer;
            try {
                request = FormCodec.parse(body);
                answer = operations.answer(request);
            } catch (IllegalArgumentException e) {
                request = Map.of();
                answer = Map.of("ACK", "Failure", "L_ERRORCODE0", ApiError.INTERNAL.code(),
                        "L_SHORTMESSAGE0", ApiError.INTERNAL.shortMessage(),
                        "L_LONGMESSAGE0", ApiError.INTERNAL.longMessage(), "L_SEVERITYCODE0", "Error");
            }
            log.accept("nvp METHOD=" + request.get("METHOD") + " SUBJECT=" + request.get("SUBJECT") + " -> ACK="
                    + answer.get("ACK") + (answer.containsKey("L_ERRORCODE0") ? " " + answer.get("L_ERRORCODE0") : "")
                    + " CORRELATIONID=" + answer.get("CORRELATIONID"));
            HttpText.send(exchange, 200, "text/plain; charset=utf-8", FormCodec.write(answer));
        } catch (RuntimeException e) {
            log.accept("nvp internal error: " + e);
            try {
                HttpText.plain(exchange, 500, "emulator error: " + e + "\n");
            } catch (IOException | RuntimeException ignored) {
                // headers already sent
            }
        }
    }
}
