package org.eventcommerce.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SmtpTransport} against GreenMail, a real SMTP server on a free loopback port. */
class SmtpTransportTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String FROM = "no-reply@shop.example";

    private SmtpTransport transport() {
        return new SmtpTransport(SmtpTransport.Settings.plain("127.0.0.1", GREEN_MAIL.getSmtp().getPort(), FROM));
    }

    @Test
    void sendsMultipartAlternativeWithBothPartsInUtf8() throws Exception {
        MailMessage m = MailTemplate.DEFAULT.toMessage("stefan.turcanu+promo@example.ro",
                MailTemplate.values("Ștefan Țurcanu", "ROMANIA26", "15%", "31.12.2026", "O'Brien & Sons <sales>",
                        "ajutor@example.ro"));

        transport().send(m);

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage r = received[0];
        assertThat(r.getFrom()).extracting(Address::toString).containsExactly(FROM);
        assertThat(r.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("stefan.turcanu+promo@example.ro");
        assertThat(r.getSubject()).isEqualTo("Your promotion code from O'Brien & Sons <sales>");
        assertThat(r.getContentType()).startsWith("multipart/alternative");

        MimeMultipart parts = (MimeMultipart) r.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).startsWithIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(html.getContentType()).startsWithIgnoringCase("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat(normalize((String) text.getContent())).contains("Hello Ștefan Țurcanu,", "ROMANIA26",
                "O'Brien & Sons <sales> has sent you a promotion code", "15% off", "31.12.2026",
                "ajutor@example.ro");
        assertThat(normalize((String) html.getContent())).contains("<p>Hello Ștefan Țurcanu,</p>", "ROMANIA26",
                "O&#39;Brien &amp; Sons &lt;sales&gt; has sent you", "<strong>15%</strong>");
    }

    @Test
    void anEncodedSubjectWithTheTestPrefixRoundTrips() throws Exception {
        String subject = OutboxEntry.testPrefix("ana@example.com") + "Codul tău de la Școala Țării";
        transport().send(new MailMessage("qa@example.com", subject, "t %", "<p>h</p>"));
        MimeMessage r = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(r.getSubject()).isEqualTo("[Test \u2192 ana@example.com] Codul tău de la Școala Țării");
        assertThat(r.getHeader("Subject")[0]).as("RFC 2047 encoded on the wire").contains("=?UTF-8?");
    }

    @Test
    void oneConnectionSendsSeveralMessages() throws Exception {
        try (SmtpTransport.Connection c = transport().open()) {
            for (int i = 0; i < 3; i++) {
                c.send(new MailMessage("user" + i + "@example.com", "S" + i, "text " + i, "<p>" + i + "</p>"));
            }
        }
        assertThat(GREEN_MAIL.getReceivedMessages()).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("S0", "S1", "S2");
    }

    @Test
    void anUnparsableAddressIsAPermanentFailure() {
        assertThatThrownBy(() -> transport().send(new MailMessage("ana@@example.com", "S", "t", "h")))
                .isInstanceOfSatisfying(MailSendException.class, e -> {
                    assertThat(e.isPermanent()).isTrue();
                    assertThat(e.isConnectionFailure()).isFalse();
                    assertThat(e.describe()).contains("ana@@example.com");
                });
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aClosedPortFailsClearlyAndFast() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SmtpTransport t = new SmtpTransport(SmtpTransport.Settings.plain("127.0.0.1", port, FROM));
        MailMessage m = new MailMessage("ana@example.com", "S", "secret body SPRING26", "<p>SPRING26</p>");
        MailSendException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> catchSend(t, m));
        assertThat(e.isConnectionFailure()).isTrue();
        assertThat(e.isPermanent()).isFalse();
        assertThat(e.describe()).startsWith("Cannot connect to SMTP server 127.0.0.1:" + port)
                .contains("ConnectException").doesNotContain("SPRING26");
    }

    @Test
    void aSilentServerFailsWithinTheReadTimeout() throws Exception {
        // the kernel accepts the connection into the backlog; nobody ever sends the SMTP greeting
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            SmtpTransport t = new SmtpTransport(new SmtpTransport.Settings("127.0.0.1", silent.getLocalPort(), null,
                    null, false, FROM, Duration.ofSeconds(1), Duration.ofSeconds(1)));
            long start = System.nanoTime();
            MailSendException e = assertTimeoutPreemptively(Duration.ofSeconds(8),
                    () -> catchSend(t, new MailMessage("ana@example.com", "S", "t", "h")));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(e.isConnectionFailure()).isTrue();
            assertThat(e.describe()).contains("127.0.0.1:" + silent.getLocalPort());
        }
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> SmtpTransport.Settings.plain(" ", 25, FROM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpTransport.Settings.plain("h", 0, FROM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpTransport(SmtpTransport.Settings.plain("h", 25, "not an address")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ecommerce.mail.from");
        SmtpTransport.Settings s = new SmtpTransport.Settings("h", 587, "user", "hunter2", true, FROM,
                Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(s.toString()).contains("h:587", "user").doesNotContain("hunter2");
        SmtpTransport t = new SmtpTransport(s);
        assertThat(t.session().getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(t.session().getProperty("mail.smtp.auth")).isEqualTo("true");
        assertThat(t.session().getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
        assertThat(t.session().getProperty("mail.smtp.timeout")).isEqualTo("10000");
    }

    private static MailSendException catchSend(SmtpTransport t, MailMessage m) {
        try {
            t.send(m);
        } catch (MailSendException e) {
            return e;
        }
        throw new AssertionError("sending should have failed");
    }

    /** Jakarta Mail hands text parts back with CRLF line ends. */
    private static String normalize(String s) throws IOException {
        return s.replace("\r\n", "\n");
    }
}
