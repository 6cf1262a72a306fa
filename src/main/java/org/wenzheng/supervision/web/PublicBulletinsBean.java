package org.wenzheng.supervision.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.common.web.PageErrors;
import org.wenzheng.supervision.PublicBulletins;
import org.wenzheng.supervision.SupervisionViews.BulletinSummary;
import org.wenzheng.supervision.SupervisionViews.BulletinView;

import java.util.List;

/** The public bulletin pages: the published list and one bulletin. */
@Named
@RequestScoped
public class PublicBulletinsBean {

    @Inject
    PublicBulletins bulletins;

    private Long id;
    private BulletinView bulletin;
    private List<BulletinSummary> list;

    public void loadOne() {
        try {
            bulletin = bulletins.bulletin(id);
        } catch (RuntimeException e) {
            PageErrors.opening(e);
        }
    }

    public List<BulletinSummary> getList() {
        if (list == null) {
            list = bulletins.published(50);
        }
        return list;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public BulletinView getBulletin() { return bulletin; }
}
