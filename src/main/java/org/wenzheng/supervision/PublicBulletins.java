package org.wenzheng.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.supervision.SupervisionViews.BulletinSummary;
import org.wenzheng.supervision.SupervisionViews.BulletinView;

import java.util.List;

/** Published bulletins, for everyone: the public board's bulletin pages and the unauthenticated API. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublicBulletins {

    @PersistenceContext
    EntityManager em;

    /** Published bulletins, newest first. */
    public List<BulletinSummary> published(int max) {
        return em.createQuery("select b from Bulletin b join fetch b.createdBy where b.status = :s"
                        + " order by b.publishedAt desc, b.id desc", Bulletin.class)
                .setParameter("s", Bulletin.Status.PUBLISHED).setMaxResults(Math.max(1, Math.min(max, 100)))
                .getResultList().stream().map(BulletinService::summary).toList();
    }

    /** A published bulletin; anything else is "not found", whether it exists or not. */
    public BulletinView bulletin(Long id) {
        return BulletinService.view(find(id));
    }

    /** The PDF kept when it was published. */
    public byte[] pdf(Long id) {
        return find(id).getPdf();
    }

    private Bulletin find(Long id) {
        Bulletin b = id == null ? null : em.find(Bulletin.class, id);
        if (b == null || b.getStatus() != Bulletin.Status.PUBLISHED) {
            throw new ActionRefused(ActionRefused.Kind.NOT_FOUND, "bulletin.error.notFound");
        }
        return b;
    }
}
