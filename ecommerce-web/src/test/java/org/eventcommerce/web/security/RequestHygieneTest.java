package org.eventcommerce.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which text {@link RequestHygiene} refuses: C0 controls but tab, LF and CR, and DEL; in query strings by name. */
class RequestHygieneTest {

    @Test
    void controlCharactersAreFoundAnywhereInTheText() {
        assertThat(RequestHygiene.hasControlCharacters("A\u0000B")).isTrue();
        assertThat(RequestHygiene.hasControlCharacters("\u001b[2J")).isTrue();
        assertThat(RequestHygiene.hasControlCharacters("bell\u0007")).isTrue();
        assertThat(RequestHygiene.hasControlCharacters("del\u007f")).isTrue();
        assertThat(RequestHygiene.hasControlCharacters("\u001f")).isTrue();
    }

    @Test
    void printableTextTabsAndLineBreaksAreText() {
        assertThat(RequestHygiene.hasControlCharacters("")).isFalse();
        assertThat(RequestHygiene.hasControlCharacters("Line one\r\nLine\ttwo")).isFalse();
        assertThat(RequestHygiene.hasControlCharacters("Școala Ână € <script>")).isFalse();
        assertThat(RequestHygiene.hasControlCharacters("\u0080\u202e")).isFalse();
    }

    @Test
    void aQueryParameterWithAnEncodedControlCharacterIsNamed() {
        assertThat(RequestHygiene.refusedInQuery("offering=live-keynote&promotionCode=AB%00CD"))
                .isEqualTo("promotionCode");
        assertThat(RequestHygiene.refusedInQuery("q=%1B%5B2J")).isEqualTo("q");
        assertThat(RequestHygiene.refusedInQuery("a%00b=1")).isEqualTo("?");
    }

    @Test
    void ordinaryMalformedOrEmptyQueriesAreLeftToTheResource() {
        assertThat(RequestHygiene.refusedInQuery(null)).isNull();
        assertThat(RequestHygiene.refusedInQuery("")).isNull();
        assertThat(RequestHygiene.refusedInQuery("code=AB%09CD&x")).isNull();
        assertThat(RequestHygiene.refusedInQuery("code=%zz&attendee=a%40b.org")).isNull();
    }
}
