package org.wenzheng.supervision.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.wenzheng.common.web.Texts;
import org.wenzheng.handling.ActionRefused;

import java.io.IOException;
import java.io.UncheckedIOException;

/** How supervision's pages show a refusal: the 403/404 page when opening, a translated message on an action. */
final class Pages {

    private Pages() {
    }

    /** On opening a page: not allowed → 403, missing → 404; anything else is rethrown. */
    static void opening(RuntimeException e) {
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
    }

    /** On an action: the refusal as a message for the field (invalid input) or the page. */
    static void action(RuntimeException e, String clientId) {
        if (e instanceof ActionRefused r) {
            Texts.addMessage(r.kind() == ActionRefused.Kind.INVALID ? clientId : null, FacesMessage.SEVERITY_ERROR,
                    r.key(), r.args());
        } else if (isAccessDenied(e)) {
            Texts.addMessage(null, FacesMessage.SEVERITY_ERROR, "supervision.error.forbidden");
        } else {
            throw e;
        }
    }

    static void info(String key, Object... args) {
        Texts.addMessage(null, FacesMessage.SEVERITY_INFO, key, args);
    }

    static boolean isPostback() {
        return FacesContext.getCurrentInstance().isPostback();
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
