package org.eventcommerce.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.eventcommerce.domain.common.Messages;
import org.eventcommerce.domain.security.AttemptThrottle;
import org.eventcommerce.domain.security.FailedAttempt;
import org.eventcommerce.domain.security.TooManyAttemptsException;
import org.eventcommerce.web.security.CurrentUser;

/**
 * Sign in with e-mail and password ({@code /login.xhtml}) through Jakarta Security's form mechanism. A person
 * sent here from a protected page goes back to it; otherwise to {@code /index.xhtml}, which picks the
 * page for their role.
 */
@Named
@RequestScoped
public class SignIn {

    @Inject
    SecurityContext security;

    @Inject
    CurrentUser currentUser;

    @Inject
    AttemptThrottle throttle;

    private String email;
    private String password;

    /** Sends a person who is already signed in to their start page (view action of the login page). */
    public String redirectIfSignedIn() {
        return currentUser.isSignedIn() ? "/index?faces-redirect=true" : null;
    }

    /**
     * Checks the credentials; on success continues to the page asked for, or to the start page, in a new session
     * (the id the browser had before signing in is dropped: session fixation). Failed sign-ins are counted per
     * e-mail and per client address ({@link AttemptThrottle}); past the limit, sign-in is refused for a while
     * without checking the password.
     */
    public void signIn() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        char[] secret = password == null ? new char[0] : password.toCharArray();
        password = null;
        String login = email == null ? "" : email.strip();
        List<FailedAttempt.Subject> who = List.of(
                new FailedAttempt.Subject(FailedAttempt.SubjectKind.EMAIL, login.toLowerCase(Locale.ROOT)),
                new FailedAttempt.Subject(FailedAttempt.SubjectKind.ADDRESS,
                        org.eventcommerce.web.security.ClientAddress.of(request)));
        try {
            // No site: one sign-in page serves every site, and an e-mail may have an account in several.
            throttle.check(FailedAttempt.Kind.SIGN_IN, null, who);
        } catch (TooManyAttemptsException e) {
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Messages.format(Bundle.locale(), e.messageKey(),
                    e.arguments()));
            return;
        }
        AuthenticationStatus status = security.authenticate(request,
                (HttpServletResponse) external.getResponse(), AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(login, new Password(secret)))
                        .newAuthentication(true));
        switch (status) {
            case SUCCESS -> {
                if (request.getSession(false) != null) {
                    request.changeSessionId();
                }
                external.redirect(external.getRequestContextPath() + "/index.xhtml");
            }
            case SEND_CONTINUE -> context.responseComplete();
            case SEND_FAILURE, NOT_DONE -> {
                throttle.recordFailure(FailedAttempt.Kind.SIGN_IN, null, who, null);
                PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text("message.signIn.failed"));
            }
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
