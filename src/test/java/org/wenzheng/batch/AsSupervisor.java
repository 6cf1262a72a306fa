package org.wenzheng.batch;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.wenzheng.people.Role;

import java.util.concurrent.Callable;

/** Test deployments only: runs work as a supervisor, so that in-container tests pass the services' role checks. */
@Stateless
@RunAs(Role.SUPERVISE)
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AsSupervisor {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
