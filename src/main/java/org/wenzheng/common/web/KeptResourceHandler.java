package org.wenzheng.common.web;

import jakarta.faces.application.ProjectStage;
import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ViewResource;
import jakarta.faces.context.FacesContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps the resources a page names (style sheets, scripts, {@code #{resource[...]}} images) and the Facelets files of
 * its templates and composite components once found, in production. Mojarra looks each one up again on every page,
 * and every lookup first asks the application's message bundle for a locale prefix this application does not use;
 * the bundle answers with a thrown {@code MissingResourceException}. A profile of the board's search page put that at
 * a thirtieth of the page's time.
 * <p>
 * Only lookups made while rendering a page are kept. A request for the resource itself (the style sheet's own GET) goes
 * to Faces as before: serving a resource writes headers into the resource object, which must not be shared. Nothing
 * is kept in development, where files change while the server runs.
 */
public class KeptResourceHandler extends ResourceHandlerWrapper {

    /** Far more than the application names; past it, lookups are simply not kept. */
    private static final int MAX_KEPT = 1_000;

    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final Map<String, ViewResource> viewResources = new ConcurrentHashMap<>();

    public KeptResourceHandler(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Resource createResource(String resourceName) {
        return kept(resources, resourceName, () -> getWrapped().createResource(resourceName));
    }

    @Override
    public Resource createResource(String resourceName, String libraryName) {
        return kept(resources, resourceName + '\0' + libraryName,
                () -> getWrapped().createResource(resourceName, libraryName));
    }

    @Override
    public Resource createResource(String resourceName, String libraryName, String contentType) {
        return kept(resources, resourceName + '\0' + libraryName + '\0' + contentType,
                () -> getWrapped().createResource(resourceName, libraryName, contentType));
    }

    @Override
    public ViewResource createViewResource(FacesContext context, String resourceName) {
        return kept(viewResources, resourceName, () -> getWrapped().createViewResource(context, resourceName));
    }

    private <R> R kept(Map<String, R> map, String key, Supplier<R> lookup) {
        FacesContext context = FacesContext.getCurrentInstance();
        // No phase: Faces starting up, with no request to ask whether it is a resource request.
        if (context == null || !context.isProjectStage(ProjectStage.Production) || context.getCurrentPhaseId() == null
                || getWrapped().isResourceRequest(context)) {
            return lookup.get();
        }
        R found = map.get(key);
        if (found != null) {
            return found;
        }
        found = lookup.get();
        // A name not found is looked up again next time: it may be a mistake soon fixed by a deployment anyway, and
        // keeping misses would let odd names fill the map.
        if (found != null && map.size() < MAX_KEPT) {
            map.put(key, found);
        }
        return found;
    }
}
