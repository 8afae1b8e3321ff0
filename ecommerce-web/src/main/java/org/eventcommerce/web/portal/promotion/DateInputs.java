package org.eventcommerce.web.portal.promotion;

import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.eventcommerce.web.portal.Bundle;

/**
 * How dates are typed and shown on the promotion-code pages (MISSION.md M9: "we accept the date in the user's
 * locale and show its pattern next to the field"): the locale's short numeric date with a four-digit year and
 * two-digit day and month, {@code MM/dd/yyyy} in English, {@code dd.MM.yyyy} in Romanian. The date pickers
 * parse it strictly ({@code resolverStyle="STRICT"}), so 02/30/2027 is refused, never rolled over.
 */
public final class DateInputs {

    /** Used when a locale's short date is not a plain day / month / year pattern. */
    static final String FALLBACK = "yyyy-MM-dd";

    private DateInputs() {
    }

    /** The {@link DateTimeFormatter} pattern for {@code locale}, e.g. {@code MM/dd/yyyy}. */
    public static String pattern(Locale locale) {
        String p = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale == null ? Locale.ENGLISH : locale);
        String normalized = p.replaceAll("d+", "dd").replaceAll("M+", "MM").replaceAll("[yu]+", "yyyy")
                .replace("'", "");
        boolean plain = normalized.matches("[dMy./\\- ]+") && normalized.contains("dd") && normalized.contains("MM")
                && normalized.contains("yyyy");
        return plain ? normalized : FALLBACK;
    }

    /**
     * The pattern as the reader knows it, in their language: {@code MM/DD/YYYY} in English,
     * {@code ZZ.LL.AAAA} in Romanian (letters from the bundle keys {@code label.datePattern.*}).
     */
    public static String shown(Locale locale) {
        return pattern(locale).replace("dd", Bundle.text("label.datePattern.day"))
                .replace("MM", Bundle.text("label.datePattern.month"))
                .replace("yyyy", Bundle.text("label.datePattern.year"));
    }

    /** The hint written next to a date field: {@code Format: MM/DD/YYYY}. */
    public static String hint(Locale locale) {
        return Bundle.text("hint.datePattern", shown(locale));
    }

    /** The message for a date that is not a real date in the pattern (02/30/2027, 13/01/2027, ...). */
    public static String converterMessage(Locale locale) {
        return Bundle.text("validation.date.pattern", shown(locale));
    }

    /**
     * Makes the date field {@code clientId}, just marked invalid by a domain rule, show {@code value} in the
     * reader's pattern (an invalid field shows its submitted text, which would otherwise be the ISO form and fail
     * to parse when submitted again).
     */
    public static void keepShown(String clientId, LocalDate value) {
        if (value == null) {
            return;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        String text = format(value, Bundle.locale());
        context.getViewRoot().invokeOnComponent(context, clientId, (c, component) -> {
            if (component instanceof UIInput input) {
                input.setSubmittedValue(text);
            }
        });
    }

    /** {@code date} in the pattern of {@code locale}, or "" for null. */
    public static String format(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofPattern(pattern(locale).replace("yyyy", "uuuu"), locale)
                .format(date);
    }
}
