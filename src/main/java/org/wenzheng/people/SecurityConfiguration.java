package org.wenzheng.people;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Staff sign in with a Faces form (/login.xhtml) or, for the JSON API, with an API token; both through
 * {@link StaffAuthenticationMechanism}. The back office under /office/ needs a staff role (web.xml). Citizens need
 * no account.
 */
@DeclareRoles({Role.INTAKE, Role.LEAD, Role.UNIT_LIAISON, Role.SUPERVISE, Role.ADMIN})
@ApplicationScoped
public class SecurityConfiguration {
}
