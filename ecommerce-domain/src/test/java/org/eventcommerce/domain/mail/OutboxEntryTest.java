package org.eventcommerce.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.eventcommerce.domain.mail.OutboxEntry.Status;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.OperatingMode;
import org.junit.jupiter.api.Test;

/** Where an outbox entry goes in each operating mode, and its retry schedule (no database needed). */
class OutboxEntryTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final Site SITE = new Site("demo", "Demo", ZoneId.of("Europe/Bucharest"), NOW);
    private static final MailMessage MESSAGE = new MailMessage("ana@example.com", "Your code", "text SPRING26",
            "<p>SPRING26</p>");

    @Test
    void productionMailGoesToTheRecipient() {
        OutboxEntry e = OutboxEntry.create(SITE, "b1", OperatingMode.PRODUCTION, "qa@example.com", MESSAGE, NOW);
        assertThat(e.getStatus()).isEqualTo(Status.PENDING);
        assertThat(e.getRecipient()).isEqualTo("ana@example.com");
        assertThat(e.getSubject()).isEqualTo("Your code");
        assertThat(e.getMode()).isEqualTo(OperatingMode.PRODUCTION);
        assertThat(e.getNextAttemptAt()).isEqualTo(NOW);
        assertThat(e.getCreatedAt()).isEqualTo(NOW);
        assertThat(e.getAttempts()).isZero();
        assertThat(e.getBatchId()).isEqualTo("b1");
        assertThat(e.toMessage()).isEqualTo(MESSAGE);
    }

    @Test
    void testMailWithARedirectGoesToTheRedirectAndNamesTheRecipient() {
        OutboxEntry e = OutboxEntry.create(SITE, "b1", OperatingMode.TEST, " qa@example.com ", MESSAGE, NOW);
        assertThat(e.getStatus()).isEqualTo(Status.PENDING);
        assertThat(e.getRecipient()).isEqualTo("qa@example.com");
        assertThat(e.getSubject()).isEqualTo("[Test \u2192 ana@example.com] Your code");
        assertThat(e.toMessage().to()).isEqualTo("qa@example.com");
        assertThat(e.getTextBody()).isEqualTo(MESSAGE.text());
    }

    @Test
    void testMailWithoutARedirectIsHeld() {
        for (String none : new String[] {null, "", "  "}) {
            OutboxEntry e = OutboxEntry.create(SITE, null, OperatingMode.TEST, none, MESSAGE, NOW);
            assertThat(e.getStatus()).isEqualTo(Status.HELD);
            assertThat(e.getRecipient()).isEqualTo("ana@example.com");
            assertThat(e.getSubject()).isEqualTo("Your code");
        }
    }

    @Test
    void theModeMustBeKnown() {
        assertThatThrownBy(() -> OutboxEntry.create(SITE, null, null, null, MESSAGE, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboxEntry.create(SITE, "x".repeat(37), OperatingMode.PRODUCTION, null, MESSAGE,
                NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failuresBackOffThenFail() {
        OutboxEntry e = OutboxEntry.create(SITE, null, OperatingMode.PRODUCTION, null, MESSAGE, NOW);
        Duration[] waits = {Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1)};
        Instant t = NOW;
        for (int i = 0; i < 4; i++) {
            e.markFailed("ConnectException: Connection refused", false, t);
            assertThat(e.getStatus()).isEqualTo(Status.PENDING);
            assertThat(e.getAttempts()).isEqualTo(i + 1);
            assertThat(e.getNextAttemptAt()).isEqualTo(t.plus(waits[i]));
            t = e.getNextAttemptAt();
        }
        e.markFailed("ConnectException: Connection refused", false, t);
        assertThat(e.getStatus()).isEqualTo(Status.FAILED);
        assertThat(e.getAttempts()).isEqualTo(OutboxEntry.MAX_ATTEMPTS);
        assertThat(e.getLastError()).isEqualTo("ConnectException: Connection refused");
    }

    @Test
    void aRefusedAddressFailsAtOnce() {
        OutboxEntry e = OutboxEntry.create(SITE, null, OperatingMode.PRODUCTION, null, MESSAGE, NOW);
        e.markFailed("550 no such user", true, NOW);
        assertThat(e.getStatus()).isEqualTo(Status.FAILED);
        assertThat(e.getAttempts()).isEqualTo(1);
    }

    @Test
    void sentClearsTheError() {
        OutboxEntry e = OutboxEntry.create(SITE, null, OperatingMode.PRODUCTION, null, MESSAGE, NOW);
        e.markFailed("timeout", false, NOW);
        e.markSent(NOW.plusSeconds(31));
        assertThat(e.getStatus()).isEqualTo(Status.SENT);
        assertThat(e.getSentAt()).isEqualTo(NOW.plusSeconds(31));
        assertThat(e.getAttempts()).isEqualTo(2);
        assertThat(e.getLastError()).isNull();
    }

    @Test
    void lastErrorIsTruncated() {
        OutboxEntry e = OutboxEntry.create(SITE, null, OperatingMode.PRODUCTION, null, MESSAGE, NOW);
        e.markFailed("x".repeat(2000), false, NOW);
        assertThat(e.getLastError()).hasSize(500).endsWith("\u2026");
        assertThat(OutboxEntry.truncate("a".repeat(498) + "\uD83D\uDE00b", 500)).hasSize(499).endsWith("a\u2026");
    }

    @Test
    void backoffIsBounded() {
        assertThat(OutboxEntry.backoff(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutboxEntry.backoff(9)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void toStringLeavesTheBodyOut() {
        assertThat(MESSAGE.toString()).doesNotContain("SPRING26");
        assertThat(OutboxEntry.create(SITE, null, OperatingMode.PRODUCTION, null, MESSAGE, NOW).toString())
                .doesNotContain("SPRING26");
    }
}
