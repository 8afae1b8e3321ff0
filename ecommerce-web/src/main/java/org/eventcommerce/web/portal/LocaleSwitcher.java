package org.eventcommerce.web.portal;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The reader's language for this session: English or Romanian. Starts from the browser's Accept-Language
 * (the first of en / ro it names, English otherwise); a {@code lang} request parameter switches it, which
 * is what the header's English / Română links send.
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
     * The address of the current page in {@code language}: the same path and query (so the payment page
     * keeps its order and signature) with {@code lang} set. Following it switches the session's language.
     */
    public String linkTo(String language) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        StringBuilder url = new StringBuilder(request.getContextPath()).append(external.getRequestServletPath());
        if (external.getRequestPathInfo() != null) {
            url.append(external.getRequestPathInfo());
        }
        url.append('?');
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("lang=") && !pair.equals("lang")) {
                    url.append(pair).append('&');
                }
            }
        }
        return url.append("lang=").append(LANGUAGES.contains(language) ? language : LANGUAGES.get(0)).toString();
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
