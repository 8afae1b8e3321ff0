package org.eventcommerce.web.portal.promotion;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.eventcommerce.web.portal.Bundle;

/**
 * The reader's date-entry format for every date field of the promotion-code pages ({@code #{dateInput.pattern}}
 * and siblings): MM/dd/yyyy in US English, the locale's own order otherwise (MISSION.md M9), from
 * {@link DateInputs}.
 */
@Named
@RequestScoped
public class DateInput {

    /** The pattern the date fields take, e.g. {@code MM/dd/yyyy}. */
    public String getPattern() {
        return DateInputs.pattern(Bundle.locale());
    }

    /** The pattern as shown next to the fields, e.g. {@code MM/DD/YYYY}. */
    public String getPatternShown() {
        return DateInputs.shown(Bundle.locale());
    }

    /** The hint next to the date fields: {@code Format: MM/DD/YYYY}. */
    public String getHint() {
        return DateInputs.hint(Bundle.locale());
    }

    /** The message for a date that is not a real date in the pattern. */
    public String getConverterMessage() {
        return DateInputs.converterMessage(Bundle.locale());
    }
}
