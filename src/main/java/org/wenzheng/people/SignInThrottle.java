package org.wenzheng.people;

import org.wenzheng.common.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in throttling per client address, on top of the per-account lockout: more than
 * {@code wz.signin.maxFailuresPerAddress} (20) failed sign-ins from one address within
 * {@code wz.signin.addressWindowMinutes} (15) refuse that address for {@code wz.signin.addressBlockMinutes} (15).
 * Kept in the database (tables sign_in_failure and sign_in_block) so that several instances count together; rows
 * older than the window are deleted as new failures come in.
 */
@ApplicationScoped
public class SignInThrottle {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "wz.signin.maxFailuresPerAddress", defaultValue = "20")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "wz.signin.addressWindowMinutes", defaultValue = "15")
    int windowMinutes;

    @Inject
    @ConfigProperty(name = "wz.signin.addressBlockMinutes", defaultValue = "15")
    int blockMinutes;

    /** Until when the address is refused, if it is. */
    @Transactional
    public Optional<OffsetDateTime> refusedUntil(String address) {
        List<?> rows = em.createNativeQuery("select blocked_until from sign_in_block where address = ?1 and blocked_until > ?2")
                .setParameter(1, address).setParameter(2, now()).getResultList();
        return rows.stream().findFirst().map(SqlTimes::offsetDateTime);
    }

    /** Counts a failed sign-in from the address; returns until when it is now refused, if the limit was passed. */
    @Transactional
    public Optional<OffsetDateTime> failed(String address) {
        OffsetDateTime now = now();
        OffsetDateTime windowStart = now.minus(Duration.ofMinutes(windowMinutes));
        em.createNativeQuery("delete from sign_in_failure where failed_at < ?1").setParameter(1, windowStart)
                .executeUpdate();
        em.createNativeQuery("insert into sign_in_failure (address, failed_at) values (?1, ?2)")
                .setParameter(1, address).setParameter(2, now).executeUpdate();
        long count = ((Number) em.createNativeQuery(
                        "select count(*) from sign_in_failure where address = ?1 and failed_at >= ?2")
                .setParameter(1, address).setParameter(2, windowStart).getSingleResult()).longValue();
        if (!SignInThrottle.overLimit(count, maxFailures)) {
            return Optional.empty();
        }
        OffsetDateTime until = now.plus(Duration.ofMinutes(blockMinutes));
        em.createNativeQuery("""
                        insert into sign_in_block (address, blocked_until) values (?1, ?2)
                        on conflict (address) do update set blocked_until = excluded.blocked_until""")
                .setParameter(1, address).setParameter(2, until).executeUpdate();
        em.createNativeQuery("delete from sign_in_block where blocked_until < ?1").setParameter(1, now)
                .executeUpdate();
        return Optional.of(until);
    }

    /** "More than N failures": the (N+1)th failure within the window refuses the address. */
    static boolean overLimit(long failuresInWindow, int maxFailures) {
        return failuresInWindow > maxFailures;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

}
