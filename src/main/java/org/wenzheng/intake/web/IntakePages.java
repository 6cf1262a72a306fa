package org.wenzheng.intake.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.wenzheng.common.web.Texts;
import org.wenzheng.intake.IntakeException;

/** Small helpers shared by the intake page beans: translated messages that survive the redirect to the next page. */
final class IntakePages {

    private IntakePages() {
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
