package org.eventcommerce.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttemptTest {

    @Test
    void newAttemptHas32HexRequestIdAnd12CharCustRef() {
        Attempt a = Attempt.newAttempt();
        assertThat(a.requestId()).hasSize(32).matches("[0-9a-f]{32}");
        // the reference alphabet leaves out look-alikes (0/O, 1/I/L)
        assertThat(a.custRef()).hasSize(12).matches("[A-HJKMNP-Z2-9]{12}");
    }

    @Test
    void attemptsAreUniqueOver10000() {
        int n = 10_000;
        Set<String> requestIds = new HashSet<>();
        Set<String> custRefs = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Attempt a = Attempt.newAttempt();
            assertThat(a.requestId()).matches("[0-9a-f]{32}");
            assertThat(a.custRef()).matches("[A-HJKMNP-Z2-9]{12}");
            requestIds.add(a.requestId());
            custRefs.add(a.custRef());
        }
        assertThat(requestIds).hasSize(n);
        assertThat(custRefs).hasSize(n);
    }

    @Test
    void acceptsBoundaryLengths() {
        Attempt a = new Attempt("x", "R");
        assertThat(a.requestId()).isEqualTo("x");
        assertThat(a.custRef()).isEqualTo("R");
        Attempt b = new Attempt("a".repeat(32), "B".repeat(12));
        assertThat(b.requestId()).hasSize(32);
        assertThat(b.custRef()).hasSize(12);
    }

    @Test
    void refusesBadLengths() {
        assertThatThrownBy(() -> new Attempt("", "ABC")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestId");
        assertThatThrownBy(() -> new Attempt("a".repeat(33), "ABC")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestId");
        assertThatThrownBy(() -> new Attempt("abc", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("custRef");
        assertThatThrownBy(() -> new Attempt("abc", "B".repeat(13))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("custRef");
    }

    @Test
    void refusesNulls() {
        assertThatThrownBy(() -> new Attempt(null, "ABC")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Attempt("abc", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void sameIdentifiersMeanTheSameAttempt() {
        assertThat(new Attempt("0123456789abcdef0123456789abcdef", "CR7QX2M4KP9A"))
                .isEqualTo(new Attempt("0123456789abcdef0123456789abcdef", "CR7QX2M4KP9A"));
    }
}
