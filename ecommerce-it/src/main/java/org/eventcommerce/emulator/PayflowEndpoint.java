package org.eventcommerce.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Payflow Pro NVP endpoint, {@code POST /}, as the pilot host {@code pilot-payflowpro.paypal.com}
 * answers it (paypal-protocols.md §1.1, §1.2, §1.10).
 *
 * <p>Order of work: headers ({@link PayflowHeaders}), body ({@link NvpParser}), credentials (RESULT 1,
 * {@link EmulatorAccounts}), duplicate request id ({@link DuplicateRequestGuard}), processing
 * ({@link PayflowProcessor}); then the test controls ({@link AnswerPlan}) and the answer, always HTTP 200 with
 * {@code Content-Type: text/namevalue} (§1.2), the request id echoed in {@code X-VPS-REQUEST-ID}.
 * Nothing here prints or keeps card numbers or CVV2 values.
 */
final class PayflowEndpoint implements HttpHandler {

    private final PayflowHeaders headers = new PayflowHeaders();
    private final NvpParser parser = new NvpParser();
    private final NvpWriter writer = new NvpWriter();
    private final EmulatorAccounts accounts;
    private final DuplicateRequestGuard duplicates;
    private final PayflowProcessor processor;
    private final EmulatorControl control;
    private final Consumer<String> log;
    private final ReferenceGenerator references = new ReferenceGenerator();

    PayflowEndpoint(EmulatorAccounts accounts, DuplicateRequestGuard duplicates, PayflowProcessor processor,
                    EmulatorControl control, Consumer<String> log) {
        this.accounts = accounts;
        this.duplicates = duplicates;
        this.processor = processor;
        this.control = control;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange);
            if (!"/".equals(exchange.getRequestURI().getPath())) {
                PlainText.send(exchange, 404, "not found\n");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                PlainText.send(exchange, 405, "the Payflow endpoint takes POST\n");
                return;
            }
            String requestId = exchange.getRequestHeaders().getFirst("X-VPS-REQUEST-ID");
            NvpResponse response = answer(exchange, body);
            log.accept("payflow request-id=" + requestId + " -> " + summary(response));

            AnswerPlan plan = control.takeAnswerPlan();
            if (plan.delayMillis() > 0) {
                Thread.sleep(plan.delayMillis());
            }
            if (plan.hold()) {
                control.awaitRelease();
            }
            if (plan.drop()) {
                log.accept("payflow request-id=" + requestId + " dropped without answer");
                return; // closing an exchange before sending headers closes the connection
            }
            byte[] bytes = writer.write(response.pairs()).getBytes(StandardCharsets.ISO_8859_1);
            exchange.getResponseHeaders().set("Content-Type", PayflowHeaders.NVP_CONTENT_TYPE);
            if (requestId != null) {
                exchange.getResponseHeaders().set("X-VPS-REQUEST-ID", requestId);
            }
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.accept("payflow internal error: " + e);
            try {
                PlainText.send(exchange, 500, "emulator error: " + e + "\n");
            } catch (IOException | RuntimeException ignored) {
                // headers already sent: the connection closes
            }
        }
    }

    private NvpResponse answer(HttpExchange exchange, byte[] body) {
        try {
            String requestId = headers.validate(exchange.getRequestHeaders());
            NvpRequest request = parser.parse(body);
            Optional<MerchantAccount> account = accounts.authenticate(request.value("PARTNER"),
                    request.value("VENDOR"), request.value("USER"), request.value("PWD"));
            if (account.isEmpty()) {
                return NvpResponse.error(PayflowResult.USER_AUTHENTICATION_FAILED,
                        PayflowResult.message(PayflowResult.USER_AUTHENTICATION_FAILED));
            }
            PayflowCall call = new PayflowCall(request, account.get(), requestId);
            if (REPLAYABLE.contains(call.trxType()) && !request.has("CREATESECURETOKEN")) {
                Optional<java.math.BigDecimal> replay = control.takeReplay();
                if (replay.isPresent()) {
                    return duplicates.remember(account.get().vendor(), requestId, anotherTransaction(replay.get()))
                            .asDuplicate();
                }
            }
            return duplicates.answer(account.get().vendor(), requestId, () -> processor.process(call));
        } catch (NvpFormatException e) {
            return NvpResponse.error(e.result(), e.respmsg());
        }
    }

    /** The kinds the replay control answers: money-moving calls, never inquiries. */
    private static final java.util.Set<String> REPLAYABLE = java.util.Set.of("S", "A", "D", "V", "C");

    /**
     * The first answer of an approved sale that is not the request's (its PNREF exists nowhere in the ledger): what a
     * colliding request id would replay ({@link EmulatorControl#replayAnotherNext}).
     */
    private NvpResponse anotherTransaction(java.math.BigDecimal amount) {
        return NvpResponse.resultWithMessage(PayflowResult.APPROVED).add("PNREF", references.pnref())
                .add("AUTHCODE", references.authCode()).add("AMT", AmountFormat.format(amount)).build();
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static String summary(NvpResponse response) {
        StringBuilder out = new StringBuilder("RESULT=").append(response.resultCode());
        for (String name : new String[] {"PNREF", "RESPMSG", "DUPLICATE"}) {
            String value = response.get(name);
            if (value != null) {
                out.append(' ').append(name).append('=').append(value);
            }
        }
        return out.toString();
    }
}
