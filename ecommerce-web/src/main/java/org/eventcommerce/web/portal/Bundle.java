package org.eventcommerce.web.portal;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.Messages;

/**
 * The portal's text bundle ({@code org.eventcommerce.web.i18n.messages}, the {@code msg} of the pages) for the
 * current view's locale, for beans that build messages. Domain errors are looked up in the domain bundle.
 */
public final class Bundle {

    static final String BASE_NAME = "org.eventcommerce.web.i18n.messages";

    private Bundle() {
    }

    /**
     * The reader's locale: the session's language ({@link LocaleSwitcher}, which {@code f:view} applies to the view
     * only when it renders, so beans building texts earlier, e.g. in {@code @PostConstruct}, would otherwise get the
     * browser's language), else the view's, else the request's; English outside a Faces request.
     */
    public static Locale locale() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context == null) {
            return Locale.ENGLISH;
        }
        jakarta.enterprise.inject.Instance<LocaleSwitcher> switcher =
                jakarta.enterprise.inject.spi.CDI.current().select(LocaleSwitcher.class);
        if (switcher.isResolvable()) {
            return switcher.get().getLocale();
        }
        UIViewRoot root = context.getViewRoot();
        return root != null && root.getLocale() != null ? root.getLocale()
                : context.getExternalContext().getRequestLocale();
    }

    /** The text for {@code key} in the view's locale, formatted with {@code args} ({@link MessageFormat}). */
    public static String text(String key, Object... args) {
        return text(locale(), key, args);
    }

    /**
     * The text for {@code key} in {@code locale}, formatted with {@code args} ({@link MessageFormat}); {@code ???key???}
     * when the bundle has no such key.
     */
    public static String text(Locale locale, String key, Object... args) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BASE_NAME, locale,
                    Thread.currentThread().getContextClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String pattern = bundle.getString(key);
            return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    /** The domain's message for {@code e} (its {@link BusinessException#messageKey()}) in the view's locale. */
    public static String text(BusinessException e) {
        return Messages.format(locale(), e.messageKey(), e.arguments());
    }
}
