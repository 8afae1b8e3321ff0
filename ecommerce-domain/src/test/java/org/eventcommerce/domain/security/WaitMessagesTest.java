package org.eventcommerce.domain.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.eventcommerce.domain.common.Messages;
import org.junit.jupiter.api.Test;

/** The wait of a throttled attempt reads as a number of minutes in each language (not "minute(s)"). */
class WaitMessagesTest {

    private static String text(Locale locale, Duration wait) {
        TooManyAttemptsException e = new TooManyAttemptsException("error.signIn.tooManyAttempts", wait);
        return Messages.format(locale, e.messageKey(), e.arguments());
    }

    @Test
    void minutesAreSingularOrPluralAsTheLanguageWants() {
        Locale ro = Locale.forLanguageTag("ro");
        assertThat(text(Locale.ENGLISH, Duration.ofSeconds(30))).endsWith("Try again in 1 minute.");
        assertThat(text(Locale.ENGLISH, Duration.ofMinutes(15))).endsWith("Try again in 15 minutes.");
        assertThat(text(ro, Duration.ofSeconds(30))).endsWith("peste un minut.");
        assertThat(text(ro, Duration.ofMinutes(15))).endsWith("peste 15 minute.");
        assertThat(text(ro, Duration.ofMinutes(60))).endsWith("peste 60 de minute.");
    }
}
