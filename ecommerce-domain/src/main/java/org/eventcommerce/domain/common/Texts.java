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
