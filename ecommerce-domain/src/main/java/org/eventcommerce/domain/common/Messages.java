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

    /** The message for {@code key} in {@code locale} (English when missing), formatted with {@code args}. */
    public static String format(Locale locale, String key, Object... args) {
        try {
            ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale == null ? Locale.ENGLISH : locale,
                    Messages.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                            ResourceBundle.Control.FORMAT_PROPERTIES));
            String pattern = b.getString(key);
            return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, b.getLocale()).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
