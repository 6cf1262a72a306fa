package org.wenzheng.common;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Ready when the schema is migrated and the database answers a query within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    DatabaseMigrator migrator;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        String problem = migrator.problem();
        if (problem != null) {
            return response.down().withData("problem", problem).build();
        }
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("select 1");
            return response.up().build();
        } catch (SQLException e) {
            return response.down().withData("problem", DatabaseMigrator.rootMessage(e)).build();
        }
    }
}
