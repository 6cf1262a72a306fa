package org.wenzheng.people.web;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.wenzheng.common.web.Texts;
import org.wenzheng.common.ActionRefused;

import java.io.IOException;
import java.io.UncheckedIOException;

/** How the administration pages show a refusal: the 403 page when opening, a translated message on an action. */
public final class AdminPages {

    private AdminPages() {
    }

    /** On opening: a refused role sends the 403 page; anything else goes on to the error page. */
    public static void opening(RuntimeException e) {
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

    /** On an action: the refusal as a message for the field (invalid input) or for the page. */
    public static void action(RuntimeException e, String clientId) {
        if (e instanceof ActionRefused r) {
            Texts.addMessage(r.kind() == ActionRefused.Kind.INVALID ? clientId : null, FacesMessage.SEVERITY_ERROR,
                    r.key(), r.args());
        } else if (isAccessDenied(e)) {
            Texts.addMessage(null, FacesMessage.SEVERITY_ERROR, "admin.error.forbidden");
        } else {
            throw e;
        }
    }

    public static void info(String key, Object... args) {
        Texts.addMessage(null, FacesMessage.SEVERITY_INFO, key, args);
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
