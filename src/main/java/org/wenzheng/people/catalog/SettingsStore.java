package org.wenzheng.people.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Rows of the setting table (key, value, when and by whom), which several features read. */
@ApplicationScoped
public class SettingsStore {

    public static final String BANNED_WORDS = "posting.bannedWords";
    public static final String MAX_PER_HOUR = "posting.maxPerHour";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> get(String key) {
        List<?> rows = em.createNativeQuery("select value from setting where key = ?1").setParameter(1, key)
                .getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    /** Stores (or with null, removes) a value in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void put(String key, String value, String by) {
        if (value == null) {
            em.createNativeQuery("delete from setting where key = ?1").setParameter(1, key).executeUpdate();
            return;
        }
        em.createNativeQuery("""
                        insert into setting (key, value, updated_at, updated_by) values (?1, ?2, ?3, ?4)
                        on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at,
                        updated_by = excluded.updated_by""")
                .setParameter(1, key).setParameter(2, value).setParameter(3, OffsetDateTime.now(clock))
                .setParameter(4, by).executeUpdate();
    }
}
