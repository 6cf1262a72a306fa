package org.wenzheng.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The PrimeFaces theme of a page ({@code primefaces.THEME} in web.xml is {@code #{primeFacesTheme.name}}). The public
 * pages use no PrimeFaces component and take their whole look from wz.css, so they get none: a citizen's phone does
 * not load the theme's 212 KB style sheet on the first visit. The back office and the sign-in page, whose PrimeFaces
 * components need it, keep the theme.
 */
@Named
@ApplicationScoped
public class PrimeFacesTheme {

    static final String THEME = "saga-blue";
    static final String NONE = "none";

    public String getName() {
        FacesContext context = FacesContext.getCurrentInstance();
        UIViewRoot root = context == null ? null : context.getViewRoot();
        return themeOf(root == null ? null : root.getViewId());
    }

    /** The theme for a view: the theme where PrimeFaces components are (or the view is unknown), none elsewhere. */
    static String themeOf(String viewId) {
        return viewId == null || viewId.startsWith("/office/") || viewId.equals("/login.xhtml") ? THEME : NONE;
    }
}
