package org.eventcommerce.web.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Converts an amount typed with the view locale's decimal separator ({@code 12.50} in English, {@code 12,50}
 * in Romanian; no grouping) to a {@link BigDecimal}, refusing more decimals than the component's
 * {@code decimals} attribute allows (2 when absent). Use as {@code converter="amount"}.
 */
@FacesConverter("amount")
public class AmountConverter implements Converter<BigDecimal> {

    /** The component attribute with the number of decimals the currency takes. */
    public static final String DECIMALS = "decimals";

    @Override
    public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Locale locale = context.getViewRoot().getLocale();
        char separator = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        int decimals = decimals(component);
        String text = value.strip();
        if (!text.matches("-?\\d{1,12}(" + Pattern.quote(String.valueOf(separator)) + "\\d*)?")) {
            throw new ConverterException(message(Bundle.text("validation.amount.format",
                    Formats.plainAmount(new BigDecimal("1234.50").setScale(decimals, RoundingMode.DOWN),
                            decimals, locale))));
        }
        BigDecimal amount = new BigDecimal(text.replace(separator, '.'));
        if (amount.scale() > decimals) {
            throw new ConverterException(message(Bundle.text("validation.amount.decimals", decimals)));
        }
        return amount;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
        if (value == null) {
            return "";
        }
        return Formats.plainAmount(value, decimals(component), context.getViewRoot().getLocale());
    }

    private static int decimals(UIComponent component) {
        Object d = component.getAttributes().get(DECIMALS);
        if (d instanceof Number n) {
            return n.intValue();
        }
        return d == null ? 2 : Integer.parseInt(d.toString());
    }

    private static FacesMessage message(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text);
    }
}
