package org.eventcommerce.domain.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eventcommerce.domain.common.Texts;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.domain.site.CommerceConfiguration;

/**
 * The promotion-code e-mail template (issue 3, "Create sends every recipient an e-mail"): a subject, a plain-text
 * part and an HTML part, each with the variables {@code %AttendeeName%}, {@code %PromotionCode%},
 * {@code %Discount%}, {@code %ExpirationDate%}, {@code %MerchantName%} and {@code %SupportInfo%}. Pure: no I/O.
 *
 * <p>Rendering ({@link #render}) replaces each {@code %Name%} whose name (case-sensitive) is in the values map and
 * leaves any other {@code %Word%} exactly as written. It is one left-to-right pass, so a value that itself holds
 * {@code %PromotionCode%} is never expanded again. Values are HTML-escaped ({@code & < > " '}) in the HTML part
 * only; the subject and the text part get them as they are, so {@code O'Brien & Sons <sales>} reads the same in a
 * mail reader's text view as in its HTML view.
 *
 * <p>Shape: {@code MailTemplate.of(config).toMessage("ana@example.com", MailTemplate.values("Ana", "SPRING26",
 * "15%", "12/31/2026", "Shop", "help@shop.example"))}.
 */
public record MailTemplate(String subject, String text, String html) {

    /** Longest subject template (column {@code commerce_configuration.mail_subject}). */
    public static final int SUBJECT_MAX = 300;
    /** Longest text template (column {@code commerce_configuration.mail_text}). */
    public static final int TEXT_MAX = 10_000;
    /** Longest HTML template (column {@code commerce_configuration.mail_html}). */
    public static final int HTML_MAX = 20_000;

    public static final String ATTENDEE_NAME = "AttendeeName";
    public static final String PROMOTION_CODE = "PromotionCode";
    public static final String DISCOUNT = "Discount";
    public static final String EXPIRATION_DATE = "ExpirationDate";
    public static final String MERCHANT_NAME = "MerchantName";
    public static final String SUPPORT_INFO = "SupportInfo";

    /** The six variable names, without the percent signs, in the order the issue lists them. */
    public static final List<String> VARIABLES = List.of(ATTENDEE_NAME, PROMOTION_CODE, DISCOUNT, EXPIRATION_DATE,
            MERCHANT_NAME, SUPPORT_INFO);

    /** The built-in subject (English), used while the site has not saved its own. */
    public static final String DEFAULT_SUBJECT = "Your promotion code from %MerchantName%";

    /** The built-in plain-text part (English). */
    public static final String DEFAULT_TEXT = """
            Hello %AttendeeName%,

            %MerchantName% has sent you a promotion code:

                %PromotionCode%

            Enter it on the payment page to get %Discount% off. The code is valid through %ExpirationDate%.

            Questions about paying online? Contact %SupportInfo%.
            """;

    /** The built-in HTML part (English). */
    public static final String DEFAULT_HTML = """
            <!DOCTYPE html>
            <html>
            <body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; color: #222222;">
            <p>Hello %AttendeeName%,</p>
            <p>%MerchantName% has sent you a promotion code:</p>
            <p style="font-size: 20px; font-weight: bold; letter-spacing: 2px;">%PromotionCode%</p>
            <p>Enter it on the payment page to get <strong>%Discount%</strong> off.
            The code is valid through <strong>%ExpirationDate%</strong>.</p>
            <p>Questions about paying online? Contact %SupportInfo%.</p>
            </body>
            </html>
            """;

    /** The built-in template. */
    public static final MailTemplate DEFAULT = new MailTemplate(DEFAULT_SUBJECT, DEFAULT_TEXT, DEFAULT_HTML);

    /** @throws NullPointerException when a part is null (use {@link #of} to fill in the defaults) */
    public MailTemplate {
        java.util.Objects.requireNonNull(subject, "subject");
        java.util.Objects.requireNonNull(text, "text");
        java.util.Objects.requireNonNull(html, "html");
    }

    /**
     * The site's template: each part the administrator saved, the built-in default for each part left null or
     * blank.
     */
    public static MailTemplate of(CommerceConfiguration c) {
        return of(c.getMailSubject(), c.getMailText(), c.getMailHtml());
    }

    /** A template from stored parts, each null or blank part replaced by its default. */
    public static MailTemplate of(String subject, String text, String html) {
        return new MailTemplate(orDefault(subject, DEFAULT_SUBJECT), orDefault(text, DEFAULT_TEXT),
                orDefault(html, DEFAULT_HTML));
    }

    /**
     * The values map for one recipient (keys without percent signs). Null values become empty strings. The caller
     * formats them for the reader (the discount as {@code 15%} or {@code $10.00}, the date in the site's locale).
     */
    public static Map<String, String> values(String attendeeName, String promotionCode, String discount,
            String expirationDate, String merchantName, String supportInfo) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ATTENDEE_NAME, nullToEmpty(attendeeName));
        m.put(PROMOTION_CODE, nullToEmpty(promotionCode));
        m.put(DISCOUNT, nullToEmpty(discount));
        m.put(EXPIRATION_DATE, nullToEmpty(expirationDate));
        m.put(MERCHANT_NAME, nullToEmpty(merchantName));
        m.put(SUPPORT_INFO, nullToEmpty(supportInfo));
        return m;
    }

    /**
     * This template rendered for one recipient: the subject (not escaped, line breaks and other control
     * characters turned into spaces so it stays one header line), the text part (not escaped) and the HTML part
     * (values escaped).
     *
     * @param to     the recipient's address
     * @param values this recipient's values, e.g. from {@link #values}
     */
    public MailMessage toMessage(String to, Map<String, String> values) {
        return new MailMessage(to, singleLine(render(subject, values, false)), render(text, values, false),
                render(html, values, true));
    }

    /**
     * Replaces each {@code %Name%} of {@code template} whose name is a key of {@code values}.
     *
     * <p>Examples: {@code render("Hi %AttendeeName%", {AttendeeName=Ana}, false)} is {@code "Hi Ana"};
     * {@code render("<b>%AttendeeName%</b>", {AttendeeName=<script>}, true)} is
     * {@code "<b>&lt;script&gt;</b>"}; {@code render("%Foo% 100%", {}, false)} is {@code "%Foo% 100%"}.
     *
     * @param template the template; null renders as {@code ""}
     * @param values   variable name (without percent signs) to value; a null value renders as {@code ""}
     * @param html     true to HTML-escape the values ({@code & < > " '}); the template itself is never escaped
     * @return the rendered text
     */
    public static String render(String template, Map<String, String> values, boolean html) {
        if (template == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(template.length() + 64);
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            int end = nameEnd(template, i + 1);
            if (end < n && end > i + 1 && template.charAt(end) == '%') {
                String name = template.substring(i + 1, end);
                if (values.containsKey(name)) {
                    String v = values.get(name);
                    out.append(html ? escapeHtml(v) : v == null ? "" : v);
                    i = end + 1;
                    continue;
                }
                // unknown: keep "%Name" and let the closing '%' start the next variable
                out.append(template, i, end);
                i = end;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * The template rules (issue 3; the portal's template editor and {@link MailSettings#change}). Fields:
     * {@code mail.subject}, {@code mail.text}, {@code mail.html}.
     *
     * <ul>
     *   <li>subject: required ({@code validation.mail.subject.required}), at most {@value #SUBJECT_MAX}
     *       characters ({@code validation.mail.subject.length}, argument the maximum), one line
     *       ({@code validation.mail.subject.oneLine});</li>
     *   <li>text: required ({@code validation.mail.text.required}), at most {@value #TEXT_MAX}
     *       ({@code validation.mail.text.length});</li>
     *   <li>HTML: required ({@code validation.mail.html.required}), at most {@value #HTML_MAX}
     *       ({@code validation.mail.html.length});</li>
     *   <li>the text and the HTML part must each contain {@code %PromotionCode%}
     *       ({@code validation.mail.promotionCodeMissing}): a mail without its code is useless;</li>
     *   <li>any {@code %Word%} of three or more letters that is not one of the six variables is refused
     *       ({@code validation.mail.unknownVariable}, argument the variable as written), so a typo such as
     *       {@code %AtendeeName%} is not mailed literally to every recipient.</li>
     * </ul>
     *
     * @return every broken rule (empty when the template is acceptable); one error per rule and part
     */
    public static List<FieldError> validate(String subject, String text, String html) {
        List<FieldError> errors = new ArrayList<>();
        if (subject == null || subject.isBlank()) {
            errors.add(new FieldError("mail.subject", "validation.mail.subject.required"));
        } else if (subject.length() > SUBJECT_MAX) {
            errors.add(new FieldError("mail.subject", "validation.mail.subject.length", SUBJECT_MAX));
        } else if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            // A subject is one header line; rendering joins lines anyway (never a header injection), but what the
            // administrator typed would not be what recipients read.
            errors.add(new FieldError("mail.subject", "validation.mail.subject.oneLine"));
        } else {
            unknownVariable(subject).ifPresent(v -> errors.add(
                    new FieldError("mail.subject", "validation.mail.unknownVariable", v)));
        }
        checkBody(errors, "mail.text", text, TEXT_MAX, "validation.mail.text.required",
                "validation.mail.text.length");
        checkBody(errors, "mail.html", html, HTML_MAX, "validation.mail.html.required",
                "validation.mail.html.length");
        return errors;
    }

    /**
     * The Test-mode redirect address rule: empty (mail stays in the outbox) or one e-mail address. Field
     * {@code mail.testRedirect}, key {@code validation.mail.testRedirect}.
     *
     * @return the broken rule, or empty
     */
    public static List<FieldError> validateRedirect(String testRedirect) {
        String r = Texts.clean(testRedirect);
        if (r != null && !Texts.isEmail(r)) {
            return List.of(new FieldError("mail.testRedirect", "validation.mail.testRedirect"));
        }
        return List.of();
    }

    /** HTML-escapes {@code & < > " '} (null becomes {@code ""}). */
    public static String escapeHtml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Control characters (CR, LF, TAB, ...) become spaces: a subject is one header line. */
    static String singleLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        return b.toString().strip();
    }

    private static void checkBody(List<FieldError> errors, String field, String body, int max, String requiredKey,
            String lengthKey) {
        if (body == null || body.isBlank()) {
            errors.add(new FieldError(field, requiredKey));
            return;
        }
        if (body.length() > max) {
            errors.add(new FieldError(field, lengthKey, max));
            return;
        }
        if (!body.contains("%" + PROMOTION_CODE + "%")) {
            errors.add(new FieldError(field, "validation.mail.promotionCodeMissing"));
        }
        unknownVariable(body).ifPresent(v -> errors.add(new FieldError(field, "validation.mail.unknownVariable", v)));
    }

    /**
     * The first {@code %Word%} (three or more ASCII letters) that is not one of {@link #VARIABLES}, with its percent
     * signs. Two-letter words are left alone: they are URL escapes such as {@code %EF%BB%BF} in a link.
     */
    static java.util.Optional<String> unknownVariable(String template) {
        int n = template.length();
        int i = template.indexOf('%');
        while (i >= 0 && i < n) {
            int end = nameEnd(template, i + 1);
            if (end < n && end > i + 1 && template.charAt(end) == '%') {
                String name = template.substring(i + 1, end);
                if (VARIABLES.contains(name)) {
                    i = template.indexOf('%', end + 1);
                    continue;
                }
                if (name.length() >= 3) {
                    return java.util.Optional.of("%" + name + "%");
                }
                i = end; // a short word's closing '%' may open the next variable
            } else {
                i = template.indexOf('%', i + 1);
            }
        }
        return java.util.Optional.empty();
    }

    /** The index just after the ASCII letters starting at {@code from}. */
    private static int nameEnd(String s, int from) {
        int j = from;
        while (j < s.length() && isAsciiLetter(s.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static String orDefault(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
