package org.wenzheng.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The active liaisons with an e-mail address of some units, by unit, in one query: whom routing mail goes to. */
@ApplicationScoped
public class Liaisons {

    @PersistenceContext
    EntityManager em;

    public Map<Long, List<Person>> byUnit(Collection<Long> unitIds) {
        Map<Long, List<Person>> result = new HashMap<>();
        if (unitIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = em.createQuery("""
                        select u.id, p from Person p join p.units u join p.roles r
                        where u.id in :units and r = :role and p.active = true and p.email is not null""",
                        Object[].class)
                .setParameter("units", new LinkedHashSet<>(unitIds))
                .setParameter("role", Role.LIAISON)
                .getResultList();
        for (Object[] row : rows) {
            result.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Person) row[1]);
        }
        return result;
    }
}
