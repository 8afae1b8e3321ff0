package org.eventcommerce.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.eventcommerce.domain.mail.OutboxEntry.Status;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.OperatingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What one sender batch does with its entries ({@link OutboxWorker#send}), against GreenMail: who receives what in
 * each operating mode, how failures are recorded, and that an unreachable server costs one timeout per batch.
 */
class OutboxSendTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Site SITE = new Site("demo", "Demo", ZoneId.of("UTC"), NOW);

    private static MailMessage message(String to, String name, String code) {
        return MailTemplate.DEFAULT.toMessage(to,
                MailTemplate.values(name, code, "10%", "12/31/2026", "Acme", "help@acme.example"));
    }

    private static OutboxEntry production(String to, String code) {
        return OutboxEntry.create(SITE, "b", OperatingMode.PRODUCTION, null, message(to, "Name", code), NOW);
    }

    private static SmtpTransport greenMail() {
        return new SmtpTransport(SmtpTransport.Settings.plain("127.0.0.1", GREEN_MAIL.getSmtp().getPort(),
                "no-reply@acme.example"));
    }

    @Test
    void productionMailReachesEachRecipientWithOnlyItsOwnCode() throws Exception {
        OutboxEntry ana = OutboxEntry.create(SITE, "b", OperatingMode.PRODUCTION, "qa@acme.example",
                message("ana@example.com", "Ana", "ANACODE1"), NOW);
        OutboxEntry bad = OutboxEntry.create(SITE, "b", OperatingMode.PRODUCTION, null,
                message("bad@@example.com", "Bad", "BADCODE1"), NOW);
        OutboxEntry bob = OutboxEntry.create(SITE, "b", OperatingMode.PRODUCTION, null,
                message("bob@example.com", "Bob", "BOBCODE1"), NOW);

        OutboxWorker.Batch b = OutboxWorker.send(List.of(ana, bad, bob), greenMail(), CLOCK, 3);

        assertThat(b).isEqualTo(new OutboxWorker.Batch(3, 2, 1));
        assertThat(ana.getStatus()).isEqualTo(Status.SENT);
        assertThat(ana.getSentAt()).isEqualTo(NOW);
        assertThat(bob.getStatus()).isEqualTo(Status.SENT);
        assertThat(bad.getStatus()).as("an unparsable address is not retried").isEqualTo(Status.FAILED);
        assertThat(bad.getLastError()).contains("bad@@example.com").doesNotContain("BADCODE1");

        MimeMessage[] got = GREEN_MAIL.getReceivedMessages();
        assertThat(got).hasSize(2);
        for (MimeMessage m : got) {
            String to = ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
            String raw = new String(m.getRawInputStream().readAllBytes());
            if (to.equals("ana@example.com")) {
                assertThat(raw).contains("ANACODE1").doesNotContain("BOBCODE1");
            } else {
                assertThat(to).isEqualTo("bob@example.com");
                assertThat(raw).contains("BOBCODE1").doesNotContain("ANACODE1");
            }
        }
    }

    @Test
    void testModeMailGoesOnlyToTheRedirectAndHeldMailIsNeverSent() throws Exception {
        OutboxEntry redirected = OutboxEntry.create(SITE, "b", OperatingMode.TEST, "qa@acme.example",
                message("ana@example.com", "Ana", "ANACODE1"), NOW);
        OutboxEntry held = OutboxEntry.create(SITE, "b", OperatingMode.TEST, null,
                message("bob@example.com", "Bob", "BOBCODE1"), NOW);

        OutboxWorker.Batch b = OutboxWorker.send(List.of(redirected, held), greenMail(), CLOCK, 2);

        assertThat(b.sent()).isEqualTo(1);
        assertThat(held.getStatus()).isEqualTo(Status.HELD);
        assertThat(held.getAttempts()).isZero();
        MimeMessage[] got = GREEN_MAIL.getReceivedMessages();
        assertThat(got).hasSize(1);
        assertThat(((InternetAddress) got[0].getRecipients(Message.RecipientType.TO)[0]).getAddress())
                .isEqualTo("qa@acme.example");
        assertThat(got[0].getSubject()).isEqualTo("[Test \u2192 ana@example.com] Your promotion code from Acme");
    }

    @Test
    void anUnreachableServerCostsOneTimeoutPerBatch() throws Exception {
        // accepts connections into the backlog, never greets: every connection attempt waits the read timeout (1 s)
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            SmtpTransport t = new SmtpTransport(new SmtpTransport.Settings("127.0.0.1", silent.getLocalPort(), null,
                    null, false, "no-reply@acme.example", Duration.ofSeconds(1), Duration.ofSeconds(1)));
            List<OutboxEntry> entries = List.of(production("a@example.com", "C1"), production("b@example.com", "C2"),
                    production("c@example.com", "C3"));
            long start = System.nanoTime();

            OutboxWorker.Batch b = OutboxWorker.send(entries, t, CLOCK, 3);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
            assertThat(b).isEqualTo(new OutboxWorker.Batch(3, 0, 3));
            for (OutboxEntry e : entries) {
                assertThat(e.getStatus()).isEqualTo(Status.PENDING);
                assertThat(e.getAttempts()).isEqualTo(1);
                assertThat(e.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
                assertThat(e.getLastError())
                        .startsWith("Cannot connect to SMTP server 127.0.0.1:" + silent.getLocalPort());
            }
        }
    }
}
