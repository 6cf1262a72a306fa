package org.wenzheng.board.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.wenzheng.common.SqlTimes;

import java.sql.Timestamp;
import java.time.OffsetDateTime;

/**
 * The boundary between the newest public messages, whose search vectors {@code search_recent} holds with an index of
 * their own, and the older ones (see V21__search_recent.sql). A trigger keeps the table in step with every change of
 * a message; this class only moves the boundary.
 */
@ApplicationScoped
public class SearchWindow {

    @PersistenceContext
    EntityManager em;

    /** Where the window starts now. */
    public OffsetDateTime startsAt() {
        return SqlTimes.offsetDateTime(em.createNativeQuery("select starts_at from search_window where id = 1")
                .getSingleResult());
    }

    /**
     * Moves the start to {@code start}: drops what fell out, and, when the window grew (more days configured), copies
     * in the public messages it now covers. One transaction, the boundary row locked, so two instances running the
     * job cannot interleave; triggers only read the row. Returns how many rows were dropped and added.
     */
    @Transactional
    public Moved moveTo(OffsetDateTime start) {
        OffsetDateTime before = SqlTimes.offsetDateTime(em.createNativeQuery(
                "select starts_at from search_window where id = 1 for update").getSingleResult());
        Timestamp at = Timestamp.from(start.toInstant());
        em.createNativeQuery("update search_window set starts_at = ?1 where id = 1").setParameter(1, at).executeUpdate();
        int dropped = em.createNativeQuery("delete from search_recent where posted_at < ?1")
                .setParameter(1, at).executeUpdate();
        int added = 0;
        if (start.isBefore(before)) {
            added = em.createNativeQuery("""
                            insert into search_recent (message_id, posted_at, kind, category_id, target_unit_id,
                                search_vector)
                            select m.id, m.posted_at, m.kind, m.category_id, m.target_unit_id, m.search_vector
                            from message m
                            where m.public_visible and m.posted_at >= ?1 and m.posted_at < ?2
                            on conflict (message_id) do nothing""")
                    .setParameter(1, at).setParameter(2, Timestamp.from(before.toInstant()))
                    .executeUpdate();
        }
        return new Moved(before, start, dropped, added);
    }

    /**
     * Deletes the notes of removals (V22) made before {@code before}: every instance's copy in memory has read them
     * long since, and one that has not looked for a day reads the window whole ({@link WindowIndex#STALE_AFTER}).
     */
    @Transactional
    public int pruneRemovalNotes(OffsetDateTime before) {
        return em.createNativeQuery("delete from search_recent_removed where removed_at < ?1")
                .setParameter(1, Timestamp.from(before.toInstant())).executeUpdate();
    }

    public record Moved(OffsetDateTime from, OffsetDateTime to, int dropped, int added) {
    }
}
