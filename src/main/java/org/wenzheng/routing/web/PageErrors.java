package org.wenzheng.routing.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.wenzheng.common.web.Texts;
import org.wenzheng.handling.ActionRefused;

import java.io.IOException;
import java.io.UncheckedIOException;

/** How the routing pages show a refusal: 403/404 pages when opening, a translated message on an action. */
final class PageErrors {

    private PageErrors() {
    }

    /** On opening a page: not allowed → 403 page, missing → 404 page. Returns false if a page was sent. */
    static boolean opening(RuntimeException e) {
        Integer status = null;
        if (isAccessDenied(e)) {
            status = 403;
        } else if (e instanceof ActionRefused r) {
            status = switch (r.kind()) {
                case FORBIDDEN -> 403;
                case NOT_FOUND -> 404;
                default -> null;
            };
        }
        if (status == null) {
            throw e;
        }
        try {
            FacesContext fc = FacesContext.getCurrentInstance();
            fc.getExternalContext().responseSendError(status, null);
            fc.responseComplete();
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return false;
    }

    /** On an action: the refusal as a message for the field (or the page, if null). */
    static void action(RuntimeException e, String clientId) {
        if (e instanceof ActionRefused r) {
            Texts.addMessage(r.kind() == ActionRefused.Kind.INVALID ? clientId : null, FacesMessage.SEVERITY_ERROR,
                    r.key(), r.args());
        } else if (isAccessDenied(e)) {
            Texts.addMessage(null, FacesMessage.SEVERITY_ERROR, "routing.api.forbidden");
        } else {
            throw e;
        }
    }

    static boolean isAccessDenied(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EJBAccessException || t instanceof jakarta.ejb.AccessLocalException) {
                return true;
            }
        }
        return false;
    }
}
