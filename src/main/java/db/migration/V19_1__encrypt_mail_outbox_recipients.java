package db.migration;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.wenzheng.privacy.ContactCipher;
import org.wenzheng.privacy.ContactKeys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Seals the recipients of mails queued before V19, in Flyway's transaction (as V16_1 does for messages), so the
 * outbox never holds some addresses in the clear after the migration. Erased recipients ('') stay as they are; an
 * outbox without such rows needs no key here.
 */
public class V19_1__encrypt_mail_outbox_recipients extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V19_1__encrypt_mail_outbox_recipients.class.getName());
    private static final int CHUNK = 1000;
    private static final String PLAIN = "recipient <> '' and recipient !~ '^v[0-9]+:'";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        long total;
        try (var s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from mail_outbox where " + PLAIN)) {
            r.next();
            total = r.getLong(1);
        }
        if (total == 0) {
            return;
        }
        ContactCipher cipher = ContactKeys.load(ConfigProvider.getConfig());
        long done = 0;
        long after = Long.MIN_VALUE;
        try (PreparedStatement select = c.prepareStatement("select id, recipient from mail_outbox"
                + " where id > ? and " + PLAIN + " order by id limit " + CHUNK);
             PreparedStatement update = c.prepareStatement("update mail_outbox set recipient = ? where id = ?")) {
            while (true) {
                select.setLong(1, after);
                int n = 0;
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        after = r.getLong(1);
                        update.setString(1, cipher.encrypt(r.getString(2)));
                        update.setLong(2, after);
                        update.addBatch();
                        n++;
                    }
                }
                if (n == 0) {
                    break;
                }
                update.executeBatch();
                done += n;
            }
        }
        long encrypted = done;
        LOG.info(() -> "Recipients of " + encrypted + " queued mails encrypted (key version "
                + cipher.currentVersion() + ")");
    }
}
