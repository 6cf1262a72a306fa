package org.wenzheng.board;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** Reads of the public board. Only {@code publicVisible} messages ever leave this class. */
@ApplicationScoped
public class BoardService {

    public static final int MAX_PAGE_SIZE = 50;

    @PersistenceContext
    EntityManager em;

    /** The newest public messages; page numbers start at 0. */
    public List<PublicMessage> latest(int page, int size) {
        int n = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        return em.createQuery("""
                        select new org.wenzheng.board.PublicMessage(m.id, m.title, m.kind, u.name, u.nameEn,
                               m.postedAt, m.status, 0, m.repliedAt)
                        from Message m left join m.targetUnit u
                        where m.publicVisible = true
                        order by m.postedAt desc, m.id desc""", PublicMessage.class)
                .setFirstResult(Math.max(0, page) * n)
                .setMaxResults(n)
                .getResultList()
                .stream()
                .map(m -> new PublicMessage(m.id(), m.title(), m.kind(), m.unitName(), m.unitNameEn(), m.postedAt(),
                        m.status(), m.status().publicStep(), m.repliedAt()))
                .toList();
    }
}
