package org.wenzheng.people.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.wenzheng.people.AccountService;

import java.io.IOException;

/** The member of staff's own account page: ending all their sessions ("sign out everywhere"). */
@Named
@RequestScoped
public class AccountBean {

    @Inject
    AccountService account;

    public void signOutEverywhere() throws IOException, ServletException {
        account.signOutEverywhere();
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) ec.getRequest()).logout();
        ec.invalidateSession();
        ec.redirect(ec.getRequestContextPath() + "/login.xhtml?ended=true");
    }
}
