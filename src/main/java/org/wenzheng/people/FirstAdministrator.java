package org.wenzheng.people;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.common.DatabaseMigrator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A production start has no accounts and no default passwords. The first administrator comes from WZ_ADMIN_USERNAME
 * and WZ_ADMIN_PASSWORD (MicroProfile Config wz.admin.username / wz.admin.password), is created only while no
 * administrator exists, and must choose a new password at the first sign-in.
 */
@Singleton
@Startup
// After the demo data, so that a demo start (which has an administrator) says nothing.
@DependsOn({"DatabaseMigrator", "DemoData"})
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @Inject
    @ConfigProperty(name = "wz.admin.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "wz.admin.password")
    Optional<String> password;

    @Inject
    DatabaseMigrator migrator;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void createIfNeeded() {
        if (migrator.problem() != null || administratorExists()) {
            return;
        }
        if (username.isEmpty() || password.isEmpty() || username.get().isBlank()) {
            LOG.warning("No administrator exists yet. Start once with WZ_ADMIN_USERNAME and WZ_ADMIN_PASSWORD set to"
                    + " create the first one (the password must be changed at the first sign-in).");
            return;
        }
        String name = username.get().strip();
        if (em.createQuery("select count(p) from Person p where p.username = :u", Long.class)
                .setParameter("u", name).getSingleResult() > 0) {
            LOG.warning("WZ_ADMIN_USERNAME names an existing person who is not an administrator; no one was created.");
            return;
        }
        Person admin = new Person(name, name, hasher.hash(password.get()), OffsetDateTime.now(clock));
        admin.getRoles().add(Role.ADMINISTRATOR);
        admin.setMustChangePassword(true);
        em.persist(admin);
        em.flush();
        audit.record("system", null, "PERSON_CREATED", "person", admin.getId(), null,
                "{\"username\":\"" + name.replace("\"", "") + "\",\"roles\":[\"ADMINISTRATOR\"],\"firstAdministrator\":true}");
        LOG.info("First administrator '" + name + "' created; the password must be changed at the first sign-in.");
    }

    private boolean administratorExists() {
        return em.createQuery("select count(p) from Person p join p.roles r where r = :admin", Long.class)
                .setParameter("admin", Role.ADMINISTRATOR).getSingleResult() > 0;
    }
}
