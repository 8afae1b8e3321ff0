package org.eventcommerce.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form sign-in on {@code /login.xhtml} (Jakarta Security custom form: the JSF page calls
 * {@code SecurityContext.authenticate}). Role areas are declared in {@code web.xml}: {@code /admin/*} site
 * administrators, {@code /host/*} hosts, {@code /attendee/*} attendees; the payment page and the API
 * (API keys, see {@code ApiKeyFilter}) are outside the form login.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = ""))
@DeclareRoles({"site-admin", "host", "attendee"})
@ApplicationScoped
public class AuthenticationConfig {
}
