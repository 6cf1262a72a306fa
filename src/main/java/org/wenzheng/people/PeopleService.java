package org.wenzheng.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.wenzheng.audit.AuditTrail;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** People and units: sign-in checks with lockout, and the look-ups the rest of the application needs. */
@ApplicationScoped
public class PeopleService {

    static final int MAX_FAILED_SIGN_INS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    /**
     * Checks a user name and password. Five failures in a row lock the account for fifteen minutes; a success resets
     * the count. The hash is computed even for unknown names so that timing does not reveal which names exist.
     */
    @Transactional
    public SignInResult signIn(String username, String password) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Person> found = findByUsername(username);
        if (found.isEmpty() || !found.get().isActive()) {
            hasher.matches(password, DUMMY_HASH);
            return new SignInResult.Invalid();
        }
        Person p = found.get();
        if (p.getLockedUntil() != null && p.getLockedUntil().isAfter(now)) {
            return new SignInResult.Locked(p.getLockedUntil());
        }
        if (!hasher.matches(password, p.getPasswordHash())) {
            p.setFailedSignIns(p.getFailedSignIns() + 1);
            if (p.getFailedSignIns() >= MAX_FAILED_SIGN_INS) {
                p.setLockedUntil(now.plus(LOCKOUT));
                p.setFailedSignIns(0);
                return new SignInResult.Locked(p.getLockedUntil());
            }
            return new SignInResult.Invalid();
        }
        p.setFailedSignIns(0);
        p.setLockedUntil(null);
        return new SignInResult.Success(p.getUsername(), Set.copyOf(p.getRoles()));
    }

    /**
     * Changes a person's own password: the current one must be right and the new one must pass the policy and differ
     * from the current. Clears the must-change flag. Throws {@link PasswordChangeRefused} with a message key.
     */
    @Transactional(dontRollbackOn = PasswordChangeRefused.class)
    public void changePassword(String username, String current, String next) {
        Person p = findByUsername(username).filter(Person::isActive)
                .orElseThrow(() -> new PasswordChangeRefused("password.currentWrong"));
        if (current == null || !hasher.matches(current, p.getPasswordHash())) {
            throw new PasswordChangeRefused("password.currentWrong");
        }
        if (next != null && next.equals(current)) {
            throw new PasswordChangeRefused("password.same");
        }
        PasswordPolicy.problem(next, p.getUsername(), p.getDisplayName()).ifPresent(key -> {
            throw new PasswordChangeRefused(key);
        });
        p.setPasswordHash(hasher.hash(next));
        p.setMustChangePassword(false);
        audit.record(p.getUsername(), null, "PASSWORD_CHANGED", "person", p.getId(), null, null);
    }

    /**
     * Whether a back-office session of this person that began at {@code startedAt} may go on: the person is active
     * and has not ended their sessions ("sign out everywhere") since. A session without a start time is not valid
     * once sessions were ended.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean sessionStillValid(String username, OffsetDateTime startedAt) {
        List<Object[]> rows = em.createQuery(
                        "select p.active, p.sessionsValidAfter from Person p where p.username = :u", Object[].class)
                .setParameter("u", username).getResultList();
        if (rows.isEmpty() || !Boolean.TRUE.equals(rows.get(0)[0])) {
            return false;
        }
        OffsetDateTime validAfter = (OffsetDateTime) rows.get(0)[1];
        return validAfter == null || (startedAt != null && startedAt.isAfter(validAfter));
    }

    public Optional<Person> findByUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("select p from Person p where p.username = :u", Person.class)
                .setParameter("u", username.strip())
                .getResultStream().findFirst();
    }

    /** Active units in code order, for choosing a unit (a few hundred at most in one government). */
    public List<Unit> activeUnits() {
        return em.createQuery("select u from Unit u where u.active = true order by u.code", Unit.class)
                .setMaxResults(2000)
                .getResultList();
    }

    /** A fixed, valid hash to spend the same time on unknown user names. */
    private static final String DUMMY_HASH = "PBKDF2WithHmacSHA256:210000:"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
}
