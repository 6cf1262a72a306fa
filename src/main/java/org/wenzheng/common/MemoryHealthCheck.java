package org.wenzheng.common;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive unless the heap is nearly exhausted: then a restart is the cure. */
@Liveness
@ApplicationScoped
public class MemoryHealthCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        double share = (double) used / rt.maxMemory();
        return HealthCheckResponse.named("memory").status(share < 0.95)
                .withData("heapUsedMb", used / (1024 * 1024))
                .withData("heapMaxMb", rt.maxMemory() / (1024 * 1024))
                .build();
    }
}
