package org.wenzheng.common;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one database. URL, user and password come from MicroProfile Config (db.url, db.user, db.password), so the
 * environment variables DB_URL, DB_USER and DB_PASSWORD override the defaults in microprofile-config.properties.
 */
@DataSourceDefinition(
        name = DataSourceConfiguration.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 2,
        maxPoolSize = 40,
        properties = {
                "connectTimeout=5",
                "ApplicationName=wenzheng"
        })
@ApplicationScoped
public class DataSourceConfiguration {
    public static final String JNDI_NAME = "java:app/jdbc/wenzheng";
}
