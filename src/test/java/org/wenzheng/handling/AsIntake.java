package org.wenzheng.handling;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.wenzheng.people.Role;

import java.util.concurrent.Callable;

/** Runs test code as intake with the role INTAKE (added to HandlingIT's deployment only). */
@Stateless
@RunAs(Role.INTAKE)
@PermitAll
public class AsIntake {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
