package org.eventcommerce.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TextsTest {

    /** 64-character local part and a domain of 63-character labels: {@code total} characters in all. */
    private static String longAddress(int total) {
        String local = "a".repeat(64);
        String head = "b".repeat(63) + "." + "c".repeat(63) + ".";
        String tld = ".com";
        int last = total - local.length() - 1 - head.length() - tld.length();
        return local + "@" + head + "d".repeat(last) + tld;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ann+tag@example.com", "o'brien@example.ie", "first_last-x@sub.example.co.uk",
            "ann@example.com", "ANN.LEE@EXAMPLE.COM", "a@b.co", "x@xn--80ak6aa92e.com", "1234@123.example"})
    void acceptsEmails(String email) {
        assertThat(Texts.isEmail(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "no-at", "a@b", "a b@example.com", "ann@@example.com", "ann@example..com", "ann@-example.com",
            "ann@example-.com", "@example.com", "ann@", "ann@exa_mple.com", " ann@example.com",
            "ann@example.com ", "ann@example.com.", "anné@example.com", "ann@example.com\n"})
    void refusesNonEmails(String email) {
        assertThat(Texts.isEmail(email)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nullAndEmptyAreNotEmails(String email) {
        assertThat(Texts.isEmail(email)).isFalse();
    }

    @Test
    void emailLengthLimits() {
        assertThat(longAddress(254)).hasSize(254);
        assertThat(Texts.isEmail(longAddress(254))).isTrue();
        assertThat(longAddress(255)).hasSize(255);
        assertThat(Texts.isEmail(longAddress(255))).isFalse();
        assertThat(Texts.isEmail(longAddress(300))).isFalse();
        assertThat(Texts.isEmail("a".repeat(64) + "@example.com")).isTrue();
        assertThat(Texts.isEmail("a".repeat(65) + "@example.com")).isFalse();
        assertThat(Texts.isEmail("ann@" + "b".repeat(64) + ".com")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "+1 (555) 010-2030", "0722 123 456", "+40722123456", "(021) 123.45.67", "123456",
            "123456789012345"})
    void acceptsPhones(String phone) {
        assertThat(Texts.isPhone(phone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "12345", "call me", "+1 555 abc 2030", "1234567890123456", "++40722123456", "------",
            "(((((( ))))))", "40+722123456", "0722/123/456"})
    void refusesNonPhones(String phone) {
        assertThat(Texts.isPhone(phone)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nullAndEmptyAreNotPhones(String phone) {
        assertThat(Texts.isPhone(phone)).isFalse();
    }

    @Test
    void cleanTrimsAndTurnsBlankIntoNull() {
        assertThat(Texts.clean(null)).isNull();
        assertThat(Texts.clean("")).isNull();
        assertThat(Texts.clean(" \t\n ")).isNull();
        assertThat(Texts.clean("\u2003")).isNull();
        assertThat(Texts.clean("  Ann Smith ")).isEqualTo("Ann Smith");
        assertThat(Texts.clean("x")).isEqualTo("x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Ann Lee", "Ünïcødé ✓ 😀 Жанна 中文", "line one\nline two\r\n\tindented",
            "' OR '1'='1'; --", "<script>alert(1)</script>", "\u2028 and \u2029 are separators, not controls"})
    void textAsAPersonTypesIt(String s) {
        assertThat(Texts.isText(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0001", "bell\u0007", "esc\u001b[2J", "form\ffeed", "vertical\u000btab",
            "del\u007f", "next line\u0085", "\u009f", "lone \ud800 high", "lone \udc00 low", "ends high \ud83d"})
    void controlCharactersAndHalfSurrogatesAreNot(String s) {
        // FuzzIT: a NUL in a name reached PostgreSQL ("invalid byte sequence for encoding UTF8: 0x00").
        assertThat(Texts.isText(s)).isFalse();
    }

    @Test
    void nullIsText() {
        assertThat(Texts.isText(null)).isTrue();
    }
}
