package org.wenzheng.common.web;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.wenzheng.common.ActionRefused;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How a back-office page shows a service's refusal: the 403 or 404 page when it is being opened, a translated
 * message on an action. The role and the object are checked in the services; pages only translate the answer.
 */
public final class PageErrors {

    private PageErrors() {
    }

    /** On opening a page: not allowed → 403 page, missing → 404 page; anything else is a real failure (rethrown). */
    public static void opening(RuntimeException e) {
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

    /**
     * On an action: the refusal as a message for the field {@code clientId} (invalid input) or for the page; a role
     * the service refused gets the feature's {@code forbiddenKey}. Anything else is rethrown.
     */
    public static void action(RuntimeException e, String clientId, String forbiddenKey) {
        ActionRefused r = refusal(e);
        if (r != null) {
            Texts.addMessage(r.kind() == ActionRefused.Kind.INVALID ? clientId : null, FacesMessage.SEVERITY_ERROR,
                    r.key(), r.args());
        } else if (isAccessDenied(e)) {
            Texts.addMessage(null, FacesMessage.SEVERITY_ERROR, forbiddenKey);
        } else {
            throw e;
        }
    }

    /** A success message for the page. */
    public static void info(String key, Object... args) {
        Texts.addMessage(null, FacesMessage.SEVERITY_INFO, key, args);
    }

    public static boolean isPostback() {
        return FacesContext.getCurrentInstance().isPostback();
    }

    /** The service's refusal, wherever it is in the cause chain (containers wrap it), or null. */
    public static ActionRefused refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ActionRefused r) {
                return r;
            }
        }
        return null;
    }

    /** Whether a role check refused the call (Payara throws AccessLocalException for some local calls). */
    public static boolean isAccessDenied(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EJBAccessException || t instanceof AccessLocalException) {
                return true;
            }
        }
        return false;
    }
}
