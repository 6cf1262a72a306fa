package org.wenzheng.intake.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.wenzheng.common.web.Texts;
import org.wenzheng.intake.IntakeException;

import java.io.IOException;

/** Small helpers shared by the intake page beans: translated messages that survive the redirect to the next page. */
final class IntakePages {

    private IntakePages() {
    }

    /**
     * For a page's f:viewAction: other staff get the translated forbidden page instead of an error from the service.
     * Returns false when the response is done.
     */
    static boolean allowed(jakarta.security.enterprise.SecurityContext security, String... roles) throws IOException {
        for (String role : roles) {
            if (security.isCallerInRole(role)) {
                return true;
            }
        }
        FacesContext fc = FacesContext.getCurrentInstance();
        fc.getExternalContext().responseSendError(403, "");
        fc.responseComplete();
        return false;
    }

    static void error(IntakeException e) {
        FacesContext fc = FacesContext.getCurrentInstance();
        String text = e.text(fc.getViewRoot().getLocale());
        fc.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    /** An information message kept for the page the action redirects to. */
    static void doneAndKeep(String key, Object... args) {
        Texts.addMessage(null, FacesMessage.SEVERITY_INFO, key, args);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }
}
