package org.wenzheng.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Always up: reports how the public page cache is doing (pages served stored, revalidated, rendered; its size), so an
 * operator sizing wz.cache.public-pages.max-mb can see its hit rate on /health/live; and how the render turns are doing
 * ({@link RenderTurns}): readers waiting now, and readers who waited so long they rendered without a turn.
 */
@Liveness
@ApplicationScoped
public class PublicPageCacheHealthCheck implements HealthCheck {

    @Inject
    PublicPageCache cache;

    @Inject
    RenderTurns turns;

    @Override
    public HealthCheckResponse call() {
        PublicPageCache.Stats s = cache.stats();
        RenderTurns.Stats t = turns.stats();
        return HealthCheckResponse.named("public-page-cache").up()
                .withData("enabled", cache.enabled())
                .withData("hits", s.hits())
                .withData("revalidated", s.revalidated())
                .withData("rendered", s.misses())
                .withData("entries", s.entries())
                .withData("storedKb", s.bytes() / 1024)
                .withData("renderTurns", t.turns())
                .withData("waitingForTurn", t.waiting())
                .withData("renderedWithoutTurn", t.renderedWithoutTurn())
                .build();
    }
}
