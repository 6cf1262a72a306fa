package org.wenzheng.intake;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.wenzheng.people.Role;

import java.util.concurrent.Callable;

/**
 * Runs code as the demo intake officer in in-container tests (which are unauthenticated). The run-as principal is
 * mapped to the user "intake" in the test archive's glassfish-ejb-jar.xml, so that "who" is a real person.
 */
@Stateless
@RunAs(Role.INTAKE)
@PermitAll
public class AsIntakeOfficer {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
