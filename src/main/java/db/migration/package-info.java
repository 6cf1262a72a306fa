/**
 * Flyway Java migrations: steps that need the application's configuration (a key) as well as SQL. They sit beside the
 * SQL migrations of src/main/resources/db/migration and are found by the same classpath:db/migration scan.
 */
package db.migration;
