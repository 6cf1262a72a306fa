package org.wenzheng.people.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.wenzheng.people.PeopleService;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The signed-in member of staff, for the back-office pages. */
@Named("staff")
@RequestScoped
public class CurrentStaff {

    @Inject
    SecurityContext securityContext;

    @Inject
    PeopleService people;

    private Person person;

    public Optional<Person> person() {
        if (person == null && securityContext.getCallerPrincipal() != null) {
            person = people.findByUsername(securityContext.getCallerPrincipal().getName()).orElse(null);
        }
        return Optional.ofNullable(person);
    }

    public boolean isSignedIn() {
        return securityContext.getCallerPrincipal() != null;
    }

    public String getDisplayName() {
        return person().map(Person::getDisplayName).orElse("");
    }

    public boolean has(String role) {
        return securityContext.isCallerInRole(role);
    }

    /** The caller's roles, in the order the back office lists them. */
    public List<Role> getRoles() {
        return Arrays.stream(Role.values()).filter(r -> securityContext.isCallerInRole(r.name())).toList();
    }

    public void signOut() throws IOException, jakarta.servlet.ServletException {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) ec.getRequest()).logout();
        ec.invalidateSession();
        ec.redirect(ec.getRequestContextPath() + "/");
    }
}
