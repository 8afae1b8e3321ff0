package org.eventcommerce.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitingTest {

    private static final Duration POLL = Duration.ofMillis(1);

    @Test
    void aValueThatIsNotBusyIsReturnedWithoutReadingAgain() {
        List<String> reads = new ArrayList<>();
        String seen = Waiting.until("FORM", s -> {
            reads.add(s);
            return "PENDING";
        }, "PENDING"::equals, Duration.ofSeconds(5), POLL);
        assertThat(seen).isEqualTo("FORM");
        assertThat(reads).isEmpty();
    }

    @Test
    void theDecisionIsTheLastValueTestedNotAFresherRead() {
        // ReconciliationIT's two tabs: the second tab first reads the order with its attempt still pending, then
        // paid. The value returned is the one the wait ended on, after exactly the reads it needed.
        Iterator<String> db = List.of("PENDING", "PENDING", "PAID", "REFUNDED").iterator();
        List<String> tested = new ArrayList<>();
        String seen = Waiting.until(db.next(), s -> db.next(), s -> {
            tested.add(s);
            return s.equals("PENDING");
        }, Duration.ofSeconds(5), POLL);
        assertThat(seen).isEqualTo("PAID");
        assertThat(tested).containsExactly("PENDING", "PENDING", "PAID");
        assertThat(db.next()).isEqualTo("REFUNDED");
    }

    @Test
    void aValueStillBusyWhenTheWaitRunsOutIsReturnedAsItIs() {
        int[] reads = {0};
        String seen = Waiting.until("PENDING", s -> {
            reads[0]++;
            return "PENDING";
        }, "PENDING"::equals, Duration.ofMillis(60), Duration.ofMillis(20));
        assertThat(seen).isEqualTo("PENDING");
        assertThat(reads[0]).isBetween(1, 4);
    }

    @Test
    void anInterruptedWaitReturnsTheLastValueAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            String seen = Waiting.until("PENDING", s -> "PAID", "PENDING"::equals, Duration.ofSeconds(5), POLL);
            assertThat(seen).isEqualTo("PENDING");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
