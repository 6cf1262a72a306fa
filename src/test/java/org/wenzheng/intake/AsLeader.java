package org.wenzheng.intake;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.wenzheng.people.Role;

import java.util.concurrent.Callable;

/** Runs code as a leader in in-container tests, to check that intake actions refuse other roles. */
@Stateless
@RunAs(Role.LEAD)
@PermitAll
public class AsLeader {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
