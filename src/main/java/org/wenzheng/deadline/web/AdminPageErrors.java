package org.wenzheng.deadline.web;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.wenzheng.common.web.Texts;
import org.wenzheng.common.ActionRefused;

import java.io.IOException;
import java.io.UncheckedIOException;

/** How the calendar and policy pages show a refusal: the 403 page when opening, a translated message on an action. */
final class AdminPageErrors {

    private AdminPageErrors() {
    }

    /** On opening a page: a refused role sends the 403 page; anything else is not ours to hide. */
    static void opening(RuntimeException e) {
        if (!isAccessDenied(e)) {
            throw e;
        }
        try {
            FacesContext fc = FacesContext.getCurrentInstance();
            fc.getExternalContext().responseSendError(403, null);
            fc.responseComplete();
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    /** On an action: the refusal as a message for the field (invalid input) or the page. */
    static void action(RuntimeException e, String fieldClientId) {
        if (e instanceof ActionRefused r) {
            Texts.addMessage(r.kind() == ActionRefused.Kind.INVALID ? fieldClientId : null,
                    FacesMessage.SEVERITY_ERROR, r.key(), r.args());
        } else if (isAccessDenied(e)) {
            Texts.addMessage(null, FacesMessage.SEVERITY_ERROR, "calendar.error.forbidden");
        } else {
            throw e;
        }
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
