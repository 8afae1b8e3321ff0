package org.eventcommerce.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Signs out: logs the caller out, ends the session and shows the sign-in page in the same language. */
@Named
@RequestScoped
public class SignOut {

    @Inject
    LocaleSwitcher localeSwitcher;

    /** Logs out, invalidates the session, redirects to {@code /login.xhtml}. */
    public void signOut() throws ServletException, IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String language = localeSwitcher.getLanguage();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?lang=" + language);
    }
}
