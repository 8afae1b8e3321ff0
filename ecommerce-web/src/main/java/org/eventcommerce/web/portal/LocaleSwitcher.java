package org.eventcommerce.web.portal;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The reader's language for this session: English or Romanian. Starts from the browser's Accept-Language
 * (the first of en / ro it names, English otherwise) or a {@code lang} request parameter; the header's
 * English / Română links switch it.
 */
@Named
@SessionScoped
public class LocaleSwitcher implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The languages the portal is written in, first is the default. */
    public static final List<String> LANGUAGES = List.of("en", "ro");

    private Locale locale;

    /** The current locale (used by {@code f:view locale}). */
    public Locale getLocale() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null) {
            String asked = context.getExternalContext().getRequestParameterMap().get("lang");
            if (asked != null && LANGUAGES.contains(asked)) {
                locale = Locale.of(asked);
            }
            if (locale == null) {
                locale = fromBrowser(context.getExternalContext());
            }
        }
        return locale == null ? Locale.ENGLISH : locale;
    }

    /** The current language code, {@code en} or {@code ro}. */
    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /**
     * Switches to {@code language} and shows the current page again (a redirect, keeping its parameters).
     *
     * @return the outcome redirecting to the current view
     */
    public String switchTo(String language) {
        if (LANGUAGES.contains(language)) {
            locale = Locale.of(language);
        }
        FacesContext context = FacesContext.getCurrentInstance();
        context.getViewRoot().setLocale(getLocale());
        return context.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
    }

    private static Locale fromBrowser(ExternalContext external) {
        Iterator<Locale> preferred = external.getRequestLocales();
        while (preferred != null && preferred.hasNext()) {
            String language = preferred.next().getLanguage();
            if (LANGUAGES.contains(language)) {
                return Locale.of(language);
            }
        }
        return Locale.of(LANGUAGES.get(0));
    }
}
