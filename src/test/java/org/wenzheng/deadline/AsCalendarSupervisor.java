package org.wenzheng.deadline;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.wenzheng.people.Role;

import java.util.concurrent.Callable;

/** Runs test code with the role SUPERVISOR, to show that only an administrator changes deadlines. */
@Stateless
@RunAs(Role.SUPERVISE)
@PermitAll
public class AsCalendarSupervisor {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
