package org.wenzheng.people.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.wenzheng.common.web.Texts;
import org.wenzheng.people.PasswordChangeRefused;
import org.wenzheng.people.PeopleService;

import java.io.IOException;

/** The staff member's own password change; required at the first sign-in of an account made with a set password. */
@Named
@RequestScoped
public class PasswordBean {

    @Inject
    PeopleService people;

    @Inject
    SecurityContext security;

    private String current;
    private String next;
    private String repeat;

    public boolean isRequired() {
        HttpServletRequest req = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        return req.getSession(false) != null && req.getSession(false).getAttribute(MustChangePasswordFilter.FLAG) != null;
    }

    public void change() throws IOException {
        if (next == null || !next.equals(repeat)) {
            Texts.addMessage("password:repeat", FacesMessage.SEVERITY_ERROR, "password.mismatch");
            return;
        }
        try {
            people.changePassword(security.getCallerPrincipal().getName(), current, next);
        } catch (PasswordChangeRefused refused) {
            String field = "password.currentWrong".equals(refused.messageKey()) ? "password:current" : "password:next";
            Texts.addMessage(field, FacesMessage.SEVERITY_ERROR, refused.messageKey());
            return;
        }
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) ec.getRequest()).getSession().removeAttribute(MustChangePasswordFilter.FLAG);
        ec.getFlash().setKeepMessages(true);
        Texts.addMessage(null, FacesMessage.SEVERITY_INFO, "password.changed");
        ec.redirect(ec.getRequestContextPath() + "/office/index.xhtml");
    }

    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
    public String getRepeat() { return repeat; }
    public void setRepeat(String repeat) { this.repeat = repeat; }
}
