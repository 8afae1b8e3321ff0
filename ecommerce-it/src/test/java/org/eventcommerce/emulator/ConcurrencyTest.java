package org.eventcommerce.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcommerce.emulator.PayflowTestClient.followOn;
import static org.eventcommerce.emulator.PayflowTestClient.sale;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.eventcommerce.emulator.PayflowTestClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator under concurrent load. */
class ConcurrencyTest {

    private PayPalEmulator emulator;
    private PayflowTestClient client;

    @BeforeEach
    void start() throws Exception {
        emulator = PayPalEmulator.start("127.0.0.1", 0);
        client = new PayflowTestClient(emulator.baseUri());
    }

    @AfterEach
    void stop() {
        emulator.stop();
    }

    @Test
    void records100ConcurrentDistinctSales() throws Exception {
        List<CompletableFuture<Answer>> answers = IntStream.range(0, 100)
                .mapToObj(i -> client.postAsync("concurrent-" + i, sale("10.00") + "&CUSTREF=C" + i))
                .toList();

        List<Answer> done = CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(v -> answers.stream().map(CompletableFuture::join).toList())
                .get(20, TimeUnit.SECONDS);

        assertThat(done).allSatisfy(a -> assertThat(a.result()).isZero());
        assertThat(done).extracting(Answer::pnref).doesNotHaveDuplicates();
        assertThat(emulator.transactions()).hasSize(100);
        assertThat(client.controlGet("transactions").body().lines()).hasSize(100);
    }

    @Test
    void processesAConcurrentlyRepeatedRequestIdOnce() throws Exception {
        List<CompletableFuture<Answer>> answers = IntStream.range(0, 50)
                .mapToObj(i -> client.postAsync("same-id", sale("10.00")))
                .toList();

        List<Answer> done = answers.stream().map(f -> f.orTimeout(20, TimeUnit.SECONDS).join()).toList();

        assertThat(done).extracting(Answer::pnref).containsOnly(done.get(0).pnref());
        assertThat(done).filteredOn(a -> a.get("DUPLICATE") == null).hasSize(1);
        assertThat(emulator.transactions()).hasSize(1);
    }

    @Test
    void capturesAnAuthorizationOnlyOnceUnderConcurrency() throws Exception {
        String auth = client.post(PayflowTestClient.authorization("10.00")).pnref();

        List<CompletableFuture<Answer>> captures = IntStream.range(0, 20)
                .mapToObj(i -> client.postAsync("capture-" + i, followOn("D", "ORIGID=" + auth)))
                .toList();
        List<Answer> done = captures.stream().map(f -> f.orTimeout(20, TimeUnit.SECONDS).join()).toList();

        assertThat(done).filteredOn(a -> a.result() == 0).hasSize(1);
        assertThat(done).filteredOn(a -> a.result() == 111).hasSize(19);
    }
}
