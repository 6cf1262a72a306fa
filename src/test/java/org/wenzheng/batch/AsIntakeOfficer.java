package org.wenzheng.batch;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.wenzheng.people.Role;

import java.util.concurrent.Callable;

/** Test deployments only: runs work as an intake officer, so that in-container tests pass the services' role checks. */
@Stateless
@RunAs(Role.INTAKE)
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AsIntakeOfficer {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
