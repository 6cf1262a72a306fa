package org.wenzheng.audit;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The operators' check of the audit chain, straight against the database (the application need not run):
 * {@code mvn -q compile exec:java@audit-verify}, or {@code java -cp <classes and the PostgreSQL driver>
 * org.wenzheng.audit.AuditVerifyCommand}. Connects with DB_URL, DB_USER, DB_PASSWORD (default: the run command's
 * embedded database on localhost:WZ_DB_PORT, 5433). Prints OK and exits 0, or names the first broken entry and
 * exits 1; exits 2 if the database cannot be read.
 */
public final class AuditVerifyCommand {

    private static final int PAGE = 1000;

    private AuditVerifyCommand() {
    }

    public static void main(String[] args) {
        String url = setting("DB_URL", "db.url", "jdbc:postgresql://localhost:"
                + setting("WZ_DB_PORT", "wz.db.port", "5433") + "/wenzheng");
        String user = setting("DB_USER", "db.user", "postgres");
        String password = setting("DB_PASSWORD", "db.password", "");
        int status;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            status = verify(c, System.out);
        } catch (SQLException e) {
            System.err.println("Cannot read the audit trail at " + url + ": " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    /** Walks the chain over the connection; prints the outcome; returns the exit status (0 intact, 1 broken). */
    public static int verify(Connection c, PrintStream out) throws SQLException {
        AuditChain chain = new AuditChain();
        long afterId = Long.MIN_VALUE;
        try (PreparedStatement ps = c.prepareStatement("""
                select id, occurred_at, actor, actor_role, action, object_type, object_id, before_state, after_state,
                       prev_hash, entry_hash
                from audit_entry where id > ? order by id limit ?""")) {
            while (true) {
                ps.setLong(1, afterId);
                ps.setInt(2, PAGE);
                int read = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        long objectId = rs.getLong(7);
                        Long objectIdOrNull = rs.wasNull() ? null : objectId;
                        AuditEntry e = AuditEntry.stored(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                objectIdOrNull, rs.getString(8), rs.getString(9), rs.getString(10),
                                rs.getString(11));
                        if (!chain.accept(e)) {
                            out.println("BROKEN: the audit chain breaks at entry " + e.getId() + " ("
                                    + e.getOccurredAt() + ", " + e.getActor() + ", " + e.getAction() + ", "
                                    + e.getObjectType() + " " + e.getObjectId() + ") after " + chain.checked()
                                    + " intact entries");
                            return 1;
                        }
                        afterId = e.getId();
                    }
                }
                if (read == 0) {
                    out.println("OK: the audit chain is intact (" + chain.checked() + " entries)");
                    return 0;
                }
            }
        }
    }

    private static String setting(String env, String property, String fallback) {
        String v = System.getenv(env);
        if (v == null || v.isBlank()) {
            v = System.getProperty(property);
        }
        return v == null || v.isBlank() ? fallback : v;
    }
}
