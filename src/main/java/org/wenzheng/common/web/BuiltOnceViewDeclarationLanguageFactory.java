package org.wenzheng.common.web;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewDeclarationLanguage;
import jakarta.faces.view.ViewDeclarationLanguageFactory;
import jakarta.faces.view.ViewDeclarationLanguageWrapper;

import java.io.IOException;

/**
 * The other half of {@link BuildBeforeRenderLifecycleFactory}: the render phase builds the page's tree again, and
 * Mojarra answers a second build by applying every tag of the page to the built tree once more, which was a third of
 * building a board page. A tree built by {@code BuildFirst} in this request is taken as it is; every other build
 * (postbacks, whose tree may change during the request) goes on as Faces does it.
 */
public class BuiltOnceViewDeclarationLanguageFactory extends ViewDeclarationLanguageFactory {

    public BuiltOnceViewDeclarationLanguageFactory(ViewDeclarationLanguageFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ViewDeclarationLanguage getViewDeclarationLanguage(String viewId) {
        ViewDeclarationLanguage vdl = getWrapped().getViewDeclarationLanguage(viewId);
        return vdl == null ? null : new BuiltOnce(vdl);
    }

    static final class BuiltOnce extends ViewDeclarationLanguageWrapper {

        BuiltOnce(ViewDeclarationLanguage wrapped) {
            super(wrapped);
        }

        @Override
        public void buildView(FacesContext context, UIViewRoot root) throws IOException {
            if (context.getAttributes().remove(BuildBeforeRenderLifecycleFactory.BUILT_FIRST) == root) {
                return;
            }
            getWrapped().buildView(context, root);
        }
    }
}
