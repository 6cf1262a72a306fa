package org.wenzheng.handling;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.wenzheng.people.Role;

import java.util.concurrent.Callable;

/** Runs test code as leader with the role LEAD (added to HandlingIT's deployment only). */
@Stateless
@RunAs(Role.LEAD)
@PermitAll
public class AsLeader {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
