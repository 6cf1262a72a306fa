package org.wenzheng.people.admin;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.wenzheng.people.Role;

import java.util.concurrent.Callable;

/** Runs test code as the demo administrator "admin" (added to the test deployment only). */
@Stateless
@RunAs(Role.ADMIN)
@PermitAll
public class AsAdministrator {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
