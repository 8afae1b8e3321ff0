package org.eventcommerce.domain.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The domain's user-facing messages (validation and business errors), from the bundle
 * {@code org/eventcommerce/domain/messages} in English and Romanian. Keys follow {@code error.*} and
 * {@code validation.*}; arguments use {@link MessageFormat}.
 */
public final class Messages {

    private static final String BUNDLE = "org.eventcommerce.domain.messages";

    private Messages() {
    }

    /** An argument that is itself a bundle key, shown in the reader's language (e.g. {@code mode.TEST}). */
    public record Key(String key, Object... args) {
    }

    /**
     * A day as a reader of {@code locale} writes it, with the full year: 11/30/2026 in US English (the default for
     * English without a country), 30.11.2026 in Romanian; never ISO.
     */
    public static String day(java.time.LocalDate d, Locale locale) {
        Locale l = locale == null || "en".equals(locale.getLanguage()) && locale.getCountry().isEmpty() ? Locale.US
                : locale;
        String pattern = java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                java.time.format.FormatStyle.SHORT, null, java.time.chrono.IsoChronology.INSTANCE, l);
        if (!pattern.contains("yyyy") && pattern.contains("yy")) {
            pattern = pattern.replace("yy", "yyyy");
        }
        return java.time.format.DateTimeFormatter.ofPattern(pattern, l).format(d);
    }

    /** The message for {@code key} in {@code locale} (English when missing), formatted with {@code args}. */
    public static String format(Locale locale, String key, Object... args) {
        try {
            ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale == null ? Locale.ENGLISH : locale,
                    Messages.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                            ResourceBundle.Control.FORMAT_PROPERTIES));
            String pattern = b.getString(key);
            if (args == null || args.length == 0) {
                return pattern;
            }
            Object[] resolved = args.clone();
            for (int i = 0; i < resolved.length; i++) {
                if (resolved[i] instanceof Key k) {
                    resolved[i] = format(locale, k.key(), k.args());
                } else if (resolved[i] instanceof java.time.LocalDate d) {
                    resolved[i] = day(d, locale);
                }
            }
            return new MessageFormat(pattern, b.getLocale()).format(resolved);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
