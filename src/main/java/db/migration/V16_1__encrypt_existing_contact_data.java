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
 * Encrypts the phone and e-mail of messages stored before V16, in Flyway's transaction, so the schema is never at V16
 * with some rows sealed and others not. A database without contact data (a fresh installation) needs no key here;
 * one with contact data and no key fails the migration with the line that says which setting to give.
 */
public class V16_1__encrypt_existing_contact_data extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V16_1__encrypt_existing_contact_data.class.getName());
    private static final int CHUNK = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        String plain = "(contact_phone is not null and contact_phone !~ '^v[0-9]+:')"
                + " or (contact_email is not null and contact_email !~ '^v[0-9]+:')";
        long total;
        try (var s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from message where " + plain)) {
            r.next();
            total = r.getLong(1);
        }
        if (total == 0) {
            return;
        }
        ContactCipher cipher = ContactKeys.load(ConfigProvider.getConfig());
        long done = 0;
        long after = Long.MIN_VALUE;
        try (PreparedStatement select = c.prepareStatement("select id, contact_phone, contact_email from message"
                + " where id > ? and (" + plain + ") order by id limit " + CHUNK);
             PreparedStatement update = c.prepareStatement(
                     "update message set contact_phone = ?, contact_email = ? where id = ?")) {
            while (true) {
                select.setLong(1, after);
                int n = 0;
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        after = r.getLong(1);
                        update.setString(1, seal(cipher, r.getString(2)));
                        update.setString(2, seal(cipher, r.getString(3)));
                        update.setLong(3, after);
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
        LOG.info(() -> "Contact data of " + encrypted + " messages encrypted (key version " + cipher.currentVersion()
                + ")");
    }

    private static String seal(ContactCipher cipher, String value) {
        return value == null || ContactCipher.isSealed(value) ? value : cipher.encrypt(value);
    }
}
