package org.eventcommerce.domain.common;

import java.util.regex.Pattern;

/** Small text rules shared by validators: blank handling and the e-mail / phone shapes we accept. */
public final class Texts {

    /**
     * A pragmatic address check: one {@code @}, a non-empty local part of printable ASCII without spaces
     * (so {@code +}, {@code '}, {@code _} and {@code -} are kept as written), a domain with a dot.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    /** A phone number: optional +, then digits with spaces, dots, dashes or parentheses; 6–15 digits. */
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{6,24}$");

    /** The message key for a value that is not {@link #isText text} (control characters). */
    public static final String NOT_TEXT = "validation.text.control";

    private Texts() {
    }

    /** Trims; blank becomes null. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /**
     * Whether {@code s} is text as a person types it: no control character other than tab, line feed and carriage
     * return (the other C0 controls, NUL among them, DEL and the C1 controls), and no half of a surrogate pair.
     * PostgreSQL refuses NUL in text, and such characters have no place in names, PayPal's name-value pairs or
     * mail. A null string is text. Used by the API's JSON bodies and query parameters and by every portal field
     * (issue 5, "Bad input").
     */
    public static boolean isText(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public static boolean isEmail(String s) {
        return s != null && s.length() <= 254 && EMAIL.matcher(s).matches();
    }

    public static boolean isPhone(String s) {
        if (s == null || !PHONE.matcher(s).matches()) {
            return false;
        }
        long digits = s.chars().filter(Character::isDigit).count();
        return digits >= 6 && digits <= 15;
    }
}
