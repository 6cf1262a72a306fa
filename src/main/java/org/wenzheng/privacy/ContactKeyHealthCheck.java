package org.wenzheng.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready without a usable contact key: postings would fail. The reason is the line that says what to set. */
@Readiness
@ApplicationScoped
public class ContactKeyHealthCheck implements HealthCheck {

    @Inject
    ContactCrypto crypto;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("contact-key");
        try {
            return response.up().withData("version", crypto.cipher().currentVersion()).build();
        } catch (ContactDataException e) {
            return response.down().withData("problem", e.getMessage()).build();
        }
    }
}
