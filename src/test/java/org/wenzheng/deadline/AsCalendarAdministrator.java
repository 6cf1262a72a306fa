package org.wenzheng.deadline;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.wenzheng.people.Role;

import java.util.concurrent.Callable;

/** Runs test code with the role ADMINISTRATOR (added to CalendarAdminIT's deployment only). */
@Stateless
@RunAs(Role.ADMIN)
@PermitAll
public class AsCalendarAdministrator {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
