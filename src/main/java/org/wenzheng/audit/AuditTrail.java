package org.wenzheng.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Writes audit entries in the caller's transaction (MANDATORY: an action and its entry commit or fail together) and
 * verifies the chain. Writers are serialised by a transaction-level advisory lock so that the chain stays linear
 * even with several application instances on one database; {@link #record} takes it inside the database's
 * {@code audit_append} (V24), {@link #recordAll} here, both with {@link #CHAIN_LOCK}.
 */
@ApplicationScoped
public class AuditTrail {

    /** An arbitrary constant naming the audit chain's advisory lock; V24's audit_append has it too. */
    private static final long CHAIN_LOCK = 0x5A_41_55_44_49_54L;
    private static final int VERIFY_PAGE = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(String actor, String actorRole, String action, String objectType, Long objectId,
                             String before, String after) {
        // The chain's lock is held until commit and every writer waits for it, so nothing else is done under it:
        // the caller's pending changes are written first, the content is hashed here, and one statement takes the
        // lock, reads the head, draws the id and inserts (audit_append, V24). The caller should have no more writes.
        em.flush();
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS);
        String content = AuditEntry.content(at, actor, actorRole, action, objectType, objectId, before, after);
        Object[] row = (Object[]) em.createNativeQuery("""
                        select new_id, new_prev_hash, new_entry_hash from audit_append(cast(?1 as timestamptz),
                            cast(?2 as varchar), cast(?3 as varchar), cast(?4 as varchar), cast(?5 as varchar),
                            cast(?6 as bigint), cast(?7 as text), cast(?8 as text), cast(?9 as text))""")
                .setParameter(1, at).setParameter(2, actor).setParameter(3, actorRole).setParameter(4, action)
                .setParameter(5, objectType).setParameter(6, objectId).setParameter(7, before)
                .setParameter(8, after).setParameter(9, content).getSingleResult();
        return AuditEntry.stored(((Number) row[0]).longValue(), at, actor, actorRole, action, objectType, objectId,
                before, after, ((String) row[1]).strip(), ((String) row[2]).strip());
    }

    /** One change to record with {@link #recordAll}: what was done to which object, before and after. */
    public record Change(String action, String objectType, Long objectId, String before, String after) {
    }

    /**
     * Records many changes by one actor at once (routing a batch, a deadline scan): one lock, one read of the chain's
     * head, one round trip for the ids, and batched inserts, instead of all of that per entry. The entries are chained
     * in list order exactly as {@link #record} would chain them one by one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordAll(String actor, String actorRole, List<Change> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK).getSingleResult();
        List<String> last = em.createQuery("select a.entryHash from AuditEntry a order by a.id desc", String.class)
                .setMaxResults(1).getResultList();
        String prev = last.isEmpty() ? AuditEntry.GENESIS : last.get(0);
        // Ids in chain order: verification walks the trail by id.
        List<Long> ids = ((List<?>) em.createNativeQuery(
                        "select nextval('audit_seq') from generate_series(1, ?1) order by 1")
                .setParameter(1, changes.size()).getResultList())
                .stream().map(n -> ((Number) n).longValue()).sorted().toList();
        OffsetDateTime at = OffsetDateTime.now(clock);
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            AuditEntry entry = new AuditEntry(at, actor, actorRole, c.action(), c.objectType(), c.objectId(),
                    c.before(), c.after(), prev);
            entry.assignId(ids.get(i));
            em.persist(entry);
            prev = entry.getEntryHash();
        }
        return changes.size();
    }

    /**
     * Walks the whole chain in id order, a page at a time, and returns the first entry whose content does not match
     * its hash or whose link to the previous entry is broken; empty if the chain is intact.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AuditEntry> firstBrokenEntry() {
        AuditChain chain = new AuditChain();
        long afterId = Long.MIN_VALUE;
        while (true) {
            List<AuditEntry> page = em.createQuery(
                            "select a from AuditEntry a where a.id > :after order by a.id", AuditEntry.class)
                    .setParameter("after", afterId).setMaxResults(VERIFY_PAGE).getResultList();
            if (page.isEmpty()) {
                return Optional.empty();
            }
            for (AuditEntry e : page) {
                if (!chain.accept(e)) {
                    return Optional.of(e);
                }
                afterId = e.getId();
            }
            em.clear();
        }
    }
}
