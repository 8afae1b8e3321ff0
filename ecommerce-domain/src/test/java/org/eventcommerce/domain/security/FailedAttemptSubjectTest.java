package org.eventcommerce.domain.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eventcommerce.domain.security.FailedAttempt.Subject;
import org.eventcommerce.domain.security.FailedAttempt.SubjectKind;
import org.junit.jupiter.api.Test;

/** The e-mail subject an order's and a quote's guesses are counted on (one person however the e-mail is typed). */
class FailedAttemptSubjectTest {

    @Test
    void anEmailIsStrippedAndLowerCasedInTheRootLocale() {
        assertThat(Subject.email("  Ana.IONESCU@Example.COM ")).isEqualTo(new Subject(SubjectKind.EMAIL,
                "ana.ionescu@example.com"));
        // Not the Turkish dotless i, whatever the server's default locale.
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertThat(Subject.email("IRINA@EXAMPLE.COM").value()).isEqualTo("irina@example.com");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void noEmailIsRefused() {
        assertThatThrownBy(() -> Subject.email(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Subject.email(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
