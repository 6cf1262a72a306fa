package org.wenzheng.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.logging.Logger;

/**
 * The application's contact cipher, loaded once at start-up. A production start without a key logs one line that
 * says what to set and reports not ready ({@link ContactKeyHealthCheck}); the application still starts (the board can
 * be read), but every write or read of contact data, and so every posting, fails with that same line.
 */
@ApplicationScoped
public class ContactCrypto {

    private static final Logger LOG = Logger.getLogger(ContactCrypto.class.getName());

    private volatile ContactCipher cipher;
    private volatile String problem;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            cipher();
        } catch (ContactDataException e) {
            // Already logged in one line; the application starts so that the readiness check can say why.
        }
    }

    /** The cipher; throws {@link ContactDataException} saying what to configure if there is no usable key. */
    public ContactCipher cipher() {
        ContactCipher c = cipher;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (cipher == null) {
                try {
                    cipher = ContactKeys.load(ConfigProvider.getConfig());
                    problem = null;
                } catch (ContactDataException e) {
                    if (problem == null) {
                        LOG.severe(e.getMessage());
                    }
                    problem = e.getMessage();
                    throw e;
                }
            }
            return cipher;
        }
    }

    public String encrypt(String plain) {
        return plain == null ? null : cipher().encrypt(plain);
    }

    public String decrypt(String stored) {
        return stored == null ? null : cipher().decrypt(stored);
    }
}
