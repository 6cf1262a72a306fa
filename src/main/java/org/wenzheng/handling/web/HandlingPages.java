package org.wenzheng.handling.web;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.wenzheng.common.web.Texts;
import org.wenzheng.handling.ActionRefused;

import java.io.IOException;
import java.io.UncheckedIOException;

/** How the handling pages show a refusal: 403/404 pages when opening, a translated message on an action. */
final class HandlingPages {

    private HandlingPages() {
    }

    /** On opening a page: not allowed → 403 page, missing → 404 page; anything else is a real failure. */
    static void opening(RuntimeException e) {
        Integer status = null;
        ActionRefused refused = refusal(e);
        if (isAccessDenied(e)) {
            status = 403;
        } else if (refused != null) {
            status = switch (refused.kind()) {
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
    }

    /** On an action: the refusal as a message for the field (invalid input) or for the page. */
    static void action(RuntimeException e, String clientId) {
        ActionRefused r = refusal(e);
        if (r != null) {
            Texts.addMessage(r.kind() == ActionRefused.Kind.INVALID ? clientId : null, FacesMessage.SEVERITY_ERROR,
                    r.key(), r.args());
        } else if (isAccessDenied(e)) {
            Texts.addMessage(null, FacesMessage.SEVERITY_ERROR, "handling.error.forbidden");
        } else {
            throw e;
        }
    }

    static ActionRefused refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ActionRefused r) {
                return r;
            }
        }
        return null;
    }

    static boolean isAccessDenied(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EJBAccessException || t instanceof AccessLocalException) {
                return true;
            }
        }
        return false;
    }
}
