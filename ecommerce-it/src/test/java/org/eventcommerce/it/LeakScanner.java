package org.eventcommerce.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in text (LeakScanIT): the exact values a test used (every card number in plain, spaced and dashed
 * forms, passwords, keys), plus what looks like card data whoever typed it:
 * <ul>
 * <li>any run of 13–19 digits (single spaces or dashes allowed between them, not glued to letters or digits) that
 * starts like a card brand (Visa 4; MasterCard 51–55, 2221–2720; American Express 34, 37; Discover 6011, 644–649,
 * 65; Diners Club 300–305, 36, 38, 39; JCB 3528–3589) and passes Luhn: the shape a data-loss scanner looks for,
 * which a timestamp, an amount or an id of ours does not have;</li>
 * <li>Payflow's {@code ACCT=} / {@code ACCT[n]=} and {@code CVV2=} values, classic NVP's {@code PWD=} and
 * {@code SIGNATURE=} values that are not {@code [FILTERED]};</li>
 * <li>a CVV in JSON or a form ({@code "cvv": "123"}, {@code cvv=123}), a card number or CVV field rendered with a
 * value.</li>
 * </ul>
 * Hits name the secret in a masked form (never the value) and where it was.
 */
final class LeakScanner {

    private static final Pattern DIGIT_RUN =
            Pattern.compile("(?<![A-Za-z0-9])\\d(?:[ -]?\\d){12,18}(?![A-Za-z0-9])");
    private static final Map<Pattern, String> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put(Pattern.compile("\\bACCT(?:\\[\\d+])?=(?!\\[FILTERED]|&|$)"), "an ACCT value");
        SHAPES.put(Pattern.compile("\\bCVV2(?:\\[\\d+])?=(?!\\[FILTERED]|&|$)"), "a CVV2 value");
        SHAPES.put(Pattern.compile("\\bPWD(?:\\[\\d+])?=(?!\\[FILTERED]|&|$)"), "a PWD value");
        SHAPES.put(Pattern.compile("\\bSIGNATURE(?:\\[\\d+])?=(?!\\[FILTERED]|&|$)"), "a SIGNATURE value");
        SHAPES.put(Pattern.compile("(?i)\\bcvv2?\\b\"?\\s*[:=]\\s*\"?\\d{3,4}\\b"), "a CVV in JSON or a form");
        SHAPES.put(Pattern.compile("(?i)<input\\b(?=[^>]*\\bname=\"[^\"]*(?:cardNumber|cardCvv|acct|cvv2?)\")"
                        + "(?=[^>]*\\bvalue=\"[^\"]+\")"),
                "a card field shown with its value");
    }

    /** needle → masked description. */
    private final Map<String, String> literals = new LinkedHashMap<>();

    /** Adds a card number in every form a person or a program writes it. */
    LeakScanner card(String digits) {
        String masked = "card " + digits.substring(0, 4) + "…" + digits.substring(digits.length() - 4);
        literals.put(digits, masked);
        for (String sep : new String[] {" ", "-"}) {
            literals.put(group(digits, new int[] {4, 4, 4, 4, 3}, sep), masked + " (groups of 4, '" + sep + "')");
            if (digits.length() == 15) {
                literals.put(group(digits, new int[] {4, 6, 5}, sep), masked + " (4-6-5, '" + sep + "')");
            } else if (digits.length() == 14) {
                literals.put(group(digits, new int[] {4, 6, 4}, sep), masked + " (4-6-4, '" + sep + "')");
            }
        }
        return this;
    }

    /** Adds a secret value (a password, a key) under {@code description}. */
    LeakScanner secret(String description, String value) {
        literals.put(value, description);
        return this;
    }

    private static final Pattern VIEW_STATE = Pattern.compile(
            "(name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\")[^\"]*|(jakarta\\.faces\\.ViewState[^\"]*\"><!\\[CDATA\\[)[^\\]]*");

    /**
     * The hits in an HTML page or a partial response: as {@link #scan}, with the values of JSF's view state left out.
     * They are opaque ids the container draws at random ({@code -2701583924852768717:-5383519488409440544}); a
     * random 19-digit number starts like a card brand and passes Luhn often enough to be found on every page.
     */
    List<String> scanPage(String where, String html) {
        return scan(where, html == null ? null : VIEW_STATE.matcher(html).replaceAll("$1$2"));
    }

    /** The hits in {@code text}, each "description in where". */
    List<String> scan(String where, String text) {
        List<String> hits = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return hits;
        }
        for (Map.Entry<String, String> l : literals.entrySet()) {
            int at = text.indexOf(l.getKey());
            if (at >= 0) {
                hits.add(l.getValue() + " in " + where + " at " + at);
            }
        }
        for (Map.Entry<Pattern, String> s : SHAPES.entrySet()) {
            Matcher m = s.getKey().matcher(text);
            if (m.find()) {
                hits.add(s.getValue() + " in " + where + ": " + context(text, m.start()));
            }
        }
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            String digits = run.group().replaceAll("[ -]", "");
            if (looksLikeCard(digits)) {
                hits.add("a Luhn-valid card number " + digits.substring(0, 4) + "…"
                        + digits.substring(digits.length() - 4) + " in " + where + " at " + run.start());
            }
        }
        return hits;
    }

    /** 13–19 digits, a card brand's prefix, and Luhn. */
    static boolean looksLikeCard(String digits) {
        int n = digits.length();
        if (n < 13 || n > 19 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int p2 = Integer.parseInt(digits.substring(0, 2));
        int p3 = Integer.parseInt(digits.substring(0, 3));
        int p4 = Integer.parseInt(digits.substring(0, 4));
        boolean brand = digits.charAt(0) == '4'
                || p2 >= 51 && p2 <= 55 || p4 >= 2221 && p4 <= 2720
                || p2 == 34 || p2 == 37
                || p4 == 6011 || p3 >= 644 && p3 <= 649 || p2 == 65
                || p3 >= 300 && p3 <= 305 || p2 == 36 || p2 == 38 || p2 == 39
                || p4 >= 3528 && p4 <= 3589;
        return brand && luhn(digits);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static String group(String digits, int[] sizes, String sep) {
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (int size : sizes) {
            if (at >= digits.length()) {
                break;
            }
            int end = Math.min(digits.length(), at + size);
            b.append(b.isEmpty() ? "" : sep).append(digits, at, end);
            at = end;
        }
        if (at < digits.length()) {
            b.append(sep).append(digits.substring(at));
        }
        return b.toString();
    }

    /** A little of the text around a hit, digits masked, for the message. */
    private static String context(String text, int at) {
        String around = text.substring(Math.max(0, at - 20), Math.min(text.length(), at + 30));
        return "«" + around.replaceAll("\\d", "#").replaceAll("\\s+", " ") + "»";
    }
}
