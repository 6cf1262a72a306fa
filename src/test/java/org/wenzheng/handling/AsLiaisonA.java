package org.wenzheng.handling;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.wenzheng.people.Role;

import java.util.concurrent.Callable;

/** Runs test code as handlingit-a1 with the role UNIT_LIAISON (added to HandlingIT's deployment only). */
@Stateless
@RunAs(Role.UNIT_LIAISON)
@PermitAll
public class AsLiaisonA {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
