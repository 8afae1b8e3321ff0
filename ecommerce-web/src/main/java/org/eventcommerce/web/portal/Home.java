package org.eventcommerce.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.eventcommerce.web.security.CurrentUser;

/**
 * The start page ({@code /index.xhtml}) sends each person to the page of their role: site administrators to
 * the E-Commerce settings, hosts to their offerings, attendees to the offerings for sale, others to sign in.
 */
@Named
@RequestScoped
public class Home {

    @Inject
    CurrentUser currentUser;

    /** The redirect for the signed-in person's role (view action), or null to show the page. */
    public String route() {
        Object request = FacesContext.getCurrentInstance().getExternalContext().getRequest();
        if (request instanceof HttpServletRequest http && http.getDispatcherType() == DispatcherType.ERROR) {
            // Shown as the error page of an expired view: the caller is not known during an error dispatch
            // here, so start again with a fresh request.
            return "/index?faces-redirect=true";
        }
        if (!currentUser.isSignedIn()) {
            return "/login?faces-redirect=true";
        }
        if (currentUser.isSiteAdmin()) {
            return "/admin/ecommerce?faces-redirect=true";
        }
        if (currentUser.isHost()) {
            return "/host/offerings?faces-redirect=true";
        }
        if (currentUser.isAttendee()) {
            return "/attendee/offerings?faces-redirect=true";
        }
        return null;
    }
}
