package org.eventcommerce.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcommerce.emulator.PayflowTestClient.authorization;
import static org.eventcommerce.emulator.PayflowTestClient.followOn;
import static org.eventcommerce.emulator.PayflowTestClient.sale;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eventcommerce.emulator.PayflowTestClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test controls: delay, hold/release, drop, force-result, reset, listing (DESIGN.md "The PayPal emulator"). */
class EmulatorControlTest {

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
    void answersHealth() throws Exception {
        var health = client.controlGet("health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body().strip()).isEqualTo("ok");
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    }

    @Test
    void delaysTheNextAnswersAfterRecordingTheTransaction() throws Exception {
        assertThat(client.controlPost("delay?ms=400&count=1").statusCode()).isEqualTo(200);
        long started = System.nanoTime();

        CompletableFuture<Answer> delayed = client.postAsync("delay-1", sale("10.00"));
        Thread.sleep(150);
        assertThat(delayed).isNotDone();
        assertThat(emulator.transactions()).hasSize(1);

        assertThat(delayed.get(5, TimeUnit.SECONDS).result()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

        long second = System.nanoTime();
        client.post(sale("10.00"));
        assertThat(Duration.ofNanos(System.nanoTime() - second)).isLessThan(Duration.ofMillis(400));
    }

    @Test
    void holdsAnswersUntilReleased() throws Exception {
        assertThat(client.controlPost("hold?count=2").statusCode()).isEqualTo(200);

        CompletableFuture<Answer> first = client.postAsync("hold-1", sale("10.00"));
        CompletableFuture<Answer> second = client.postAsync("hold-2", sale("1012.00"));
        assertThat(emulator.control().awaitHeld(2, Duration.ofSeconds(5))).isTrue();
        assertThat(emulator.transactions()).hasSize(2);
        assertThat(client.controlGet("held").body().strip()).isEqualTo("2");
        Thread.sleep(100);
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();

        // a third request is not held
        assertThat(client.post(sale("10.00")).result()).isZero();

        assertThat(client.controlPost("release").body()).contains("2");
        assertThat(first.get(5, TimeUnit.SECONDS).result()).isZero();
        assertThat(second.get(5, TimeUnit.SECONDS).result()).isEqualTo(12);
    }

    @Test
    void holdsFromJavaAndReplaysAHeldAnswerToARetry() throws Exception {
        emulator.control().holdNext(1);
        CompletableFuture<Answer> held = client.postAsync("retry-1", sale("10.00"));
        assertThat(emulator.control().awaitHeld(1, Duration.ofSeconds(5))).isTrue();

        // the client gave up and retries with the same request id: the first answer comes back flagged
        Answer retry = client.post("retry-1", sale("10.00"));
        assertThat(retry.get("DUPLICATE")).isEqualTo("1");

        assertThat(emulator.control().release()).isEqualTo(1);
        Answer original = held.get(5, TimeUnit.SECONDS);
        assertThat(retry.pnref()).isEqualTo(original.pnref());
        assertThat(emulator.transactions()).hasSize(1);
    }

    @Test
    void dropsTheConnectionAfterProcessing() throws Exception {
        assertThat(client.controlPost("drop?count=1").statusCode()).isEqualTo(200);

        assertThatThrownBy(() -> client.post("drop-1", sale("10.00"))).isInstanceOf(IOException.class);
        assertThat(emulator.transactions()).singleElement()
                .satisfies(t -> assertThat(t.requestId()).isEqualTo("drop-1"));

        Answer retry = client.post("drop-1", sale("10.00"));
        assertThat(retry.result()).isZero();
        assertThat(retry.get("DUPLICATE")).isEqualTo("1");
        assertThat(retry.pnref()).isEqualTo(emulator.transactions().get(0).pnref());
    }

    @Test
    void replaysAnotherTransactionOfADifferentAmountWithoutProcessingAndKeepsItForResends() throws Exception {
        assertThat(client.controlPost("replay-another?amount=99.00&count=1").statusCode()).isEqualTo(200);

        Answer inquiryFirst = client.post(followOn("I", "CUSTREF=NOSUCHREF001"));
        assertThat(inquiryFirst.result()).as("inquiries are never replayed").isEqualTo(20);

        Answer replay = client.post("replay-1", sale("25.00") + "&CUSTREF=OURATTEMPT01&VERBOSITY=HIGH");
        assertThat(replay.result()).isZero();
        assertThat(replay.get("DUPLICATE")).isEqualTo("1");
        assertThat(replay.get("AMT")).isEqualTo("99.00");
        assertThat(replay.pnref()).hasSize(12);
        assertThat(emulator.transactions()).as("the sale was not processed").noneMatch(t -> "S".equals(t.trxType()));

        Answer resend = client.post("replay-1", sale("25.00") + "&CUSTREF=OURATTEMPT01&VERBOSITY=HIGH");
        assertThat(resend.get("DUPLICATE")).isEqualTo("1");
        assertThat(resend.get("AMT")).isEqualTo("99.00");
        assertThat(resend.pnref()).isEqualTo(replay.pnref());

        Answer inquiry = client.post(followOn("I", "CUSTREF=OURATTEMPT01"));
        assertThat(inquiry.result()).as("the attempt does not exist at the gateway").isEqualTo(20);

        Answer next = client.post("replay-2", sale("25.00"));
        assertThat(next.get("DUPLICATE")).as("count=1: the next request is processed").isNull();
        assertThat(next.get("AMT")).isNull();
        assertThat(emulator.transactions()).filteredOn(t -> "S".equals(t.trxType())).singleElement()
                .satisfies(t -> assertThat(t.requestId()).isEqualTo("replay-2"));

        assertThat(client.controlPost("replay-another?amount=abc").statusCode()).isEqualTo(400);
        assertThat(client.controlPost("replay-another?amount=0.00").statusCode()).isEqualTo(400);
    }

    @Test
    void forcesResultsOnTheNextTransactions() throws Exception {
        assertThat(client.controlPost("force-result?result=126&count=2").statusCode()).isEqualTo(200);

        Answer first = client.post(sale("10.00"));
        Answer second = client.post(authorization("10.00"));
        Answer third = client.post(sale("10.00"));

        assertThat(first.result()).isEqualTo(126);
        assertThat(first.get("AUTHCODE")).isNotNull();
        assertThat(second.result()).isEqualTo(126);
        assertThat(third.result()).isZero();
        assertThat(client.post(followOn("D", "ORIGID=" + second.pnref())).result())
                .as("a transaction held for review is still an authorization").isZero();
    }

    @Test
    void forcesDeclinesAndFollowOnResults() throws Exception {
        emulator.control().forceResult(104, 1);
        Answer timeout = client.post(sale("10.00"));
        assertThat(timeout.result()).isEqualTo(104);
        assertThat(timeout.get("RESPMSG")).isEqualTo("Timeout waiting for processor response");

        String auth = client.post(authorization("10.00")).pnref();
        emulator.control().forceResult(111, 1);
        assertThat(client.post(followOn("D", "ORIGID=" + auth)).result()).isEqualTo(111);
        assertThat(client.post(followOn("D", "ORIGID=" + auth)).result())
                .as("the forced failure did not capture").isZero();
    }

    @Test
    void doesNotSpendAForcedResultOnRefusedRequests() throws Exception {
        emulator.control().forceResult(12, 1);

        assertThat(client.post(sale("10.00").replace("ACCT=4111111111111111", "ACCT=1")).result()).isEqualTo(23);
        assertThat(client.post(sale("10.00")).result()).isEqualTo(12);
    }

    @Test
    void listsTransactionsOneLinePerTransaction() throws Exception {
        Answer sale = client.post("list-1", sale("10.00") + "&CUSTREF=A");
        Answer declined = client.post("list-2", sale("1012.00") + "&CUSTREF[3]=A=B");

        var listing = client.controlGet("transactions");

        assertThat(listing.statusCode()).isEqualTo(200);
        assertThat(listing.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(listing.body().lines()).containsExactly(
                "PNREF=" + sale.pnref() + "&TRXTYPE=S&AMT=10.00&CURRENCY=USD&CUSTREF=A&REQUESTID=list-1&RESULT=0&ORIGID=",
                "PNREF=" + declined.pnref() + "&TRXTYPE=S&AMT=1012.00&CURRENCY=USD&CUSTREF[3]=A=B&REQUESTID=list-2"
                        + "&RESULT=12&ORIGID=");
    }

    @Test
    void resetForgetsTransactionsRequestIdsAndControls() throws Exception {
        Answer before = client.post("reset-1", sale("10.00"));
        emulator.control().forceResult(12, 5);

        assertThat(client.controlPost("reset").statusCode()).isEqualTo(200);

        assertThat(emulator.transactions()).isEmpty();
        Answer after = client.post("reset-1", sale("10.00"));
        assertThat(after.result()).isZero();
        assertThat(after.get("DUPLICATE")).isNull();
        assertThat(after.pnref()).isNotEqualTo(before.pnref());
    }

    @Test
    void refusesBadControlRequests() throws Exception {
        assertThat(client.controlPost("delay?count=2").statusCode()).isEqualTo(400);
        assertThat(client.controlPost("hold?count=x").statusCode()).isEqualTo(400);
        assertThat(client.controlPost("force-result").statusCode()).isEqualTo(400);
        assertThat(client.controlPost("nothing").statusCode()).isEqualTo(404);
        assertThat(client.controlGet("reset").statusCode()).isEqualTo(405);
        assertThat(emulator.transactions()).isEmpty();
    }
}
