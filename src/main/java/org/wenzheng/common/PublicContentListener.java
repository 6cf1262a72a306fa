package org.wenzheng.common;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.wenzheng.common.web.PublicPageCache;

/**
 * Default entity listener (META-INF/orm.xml) for every entity: a write to a {@link PublicContent} entity empties this
 * instance's public page cache. It fires at flush, before commit; a rolled-back change only costs a re-render.
 * Other instances see the change when their entries expire or, for thread pages, are revalidated
 * (wz.cache.public-pages.seconds).
 */
public class PublicContentListener {

    @PostPersist
    void inserted(Object entity) {
        PublicContent marker = entity.getClass().getAnnotation(PublicContent.class);
        if (marker != null && marker.insertsShown() && shown(entity)) {
            PublicPageCache.publicContentChanged();
        }
    }

    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        if (entity.getClass().isAnnotationPresent(PublicContent.class) && shown(entity)) {
            PublicPageCache.publicContentChanged();
        }
    }

    private static boolean shown(Object entity) {
        return !(entity instanceof PublicContent.Conditional c) || c.shownPublicly();
    }
}
