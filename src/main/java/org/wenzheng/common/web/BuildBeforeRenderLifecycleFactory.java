package org.wenzheng.common.web;

import jakarta.faces.FacesException;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.lifecycle.Lifecycle;
import jakarta.faces.lifecycle.LifecycleFactory;
import jakarta.faces.lifecycle.LifecycleWrapper;
import jakarta.faces.view.ViewDeclarationLanguage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Iterator;

/**
 * Builds a requested page's component tree before the render phase's listeners run, not at the start of rendering.
 * PrimeFaces' CSP listener (beforePhase of rendering) keeps the page's nonce in the view map unless the view is
 * transient, and a view only learns that it is transient (the public reading pages' {@code f:view transient}) when it
 * is built: without this, every stateless public page would create a view map, and with it an HTTP session, which
 * stateless pages and the public page cache exist to avoid. The render phase's own build of that tree is skipped
 * ({@link BuiltOnceViewDeclarationLanguageFactory}). Postbacks restore a built tree and are left alone.
 */
public class BuildBeforeRenderLifecycleFactory extends LifecycleFactory {

    /** FacesContext attribute: the view root built here, in this request, before the render phase. */
    static final String BUILT_FIRST = BuildBeforeRenderLifecycleFactory.class.getName() + ".built";

    public BuildBeforeRenderLifecycleFactory(LifecycleFactory wrapped) {
        super(wrapped);
    }

    @Override
    public void addLifecycle(String lifecycleId, Lifecycle lifecycle) {
        getWrapped().addLifecycle(lifecycleId, lifecycle);
    }

    @Override
    public Lifecycle getLifecycle(String lifecycleId) {
        return new BuildFirst(getWrapped().getLifecycle(lifecycleId));
    }

    @Override
    public Iterator<String> getLifecycleIds() {
        return getWrapped().getLifecycleIds();
    }

    static final class BuildFirst extends LifecycleWrapper {

        BuildFirst(Lifecycle wrapped) {
            super(wrapped);
        }

        @Override
        public void render(FacesContext context) throws FacesException {
            UIViewRoot root = context.getViewRoot();
            if (root != null && !context.getResponseComplete() && !context.isPostback()) {
                ViewDeclarationLanguage vdl = context.getApplication().getViewHandler()
                        .getViewDeclarationLanguage(context, root.getViewId());
                try {
                    if (vdl != null) {
                        vdl.buildView(context, root);
                        context.getAttributes().put(BUILT_FIRST, root);
                    }
                } catch (FileNotFoundException missing) {
                    // The render phase answers a missing page itself (404).
                } catch (IOException e) {
                    throw new FacesException(e);
                }
            }
            getWrapped().render(context);
        }
    }
}
