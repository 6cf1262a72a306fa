package org.wenzheng.people;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Staff sign in with a Faces form (/login.xhtml); the back office under /office/ needs a staff role (web.xml).
 * Citizens need no account.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({Role.INTAKE, Role.LEAD, Role.UNIT_LIAISON, Role.SUPERVISE, Role.ADMIN})
@ApplicationScoped
public class SecurityConfiguration {
}
