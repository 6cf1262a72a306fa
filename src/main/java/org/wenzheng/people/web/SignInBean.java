package org.wenzheng.people.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.common.web.Texts;
import org.wenzheng.common.web.TimeFormat;
import org.wenzheng.people.PeopleService;
import org.wenzheng.people.Person;
import org.wenzheng.people.SignInAttempts;
import org.wenzheng.people.SignInResult;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** The staff sign-in form. */
@Named
@RequestScoped
public class SignInBean {

    @Inject
    SecurityContext securityContext;

    @Inject
    SignInAttempts attempts;

    @Inject
    TimeFormat time;

    @Inject
    PeopleService people;

    @Inject
    Clock clock;

    /** How long a back-office session may sit idle (web.xml's 30 minutes is the default). */
    @Inject
    @ConfigProperty(name = "wz.session.idleMinutes", defaultValue = "30")
    int idleMinutes;

    private String username;
    private String password;

    public void signIn() throws IOException {
        FacesContext fc = FacesContext.getCurrentInstance();
        ExternalContext ec = fc.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ec.getRequest();
        HttpServletResponse response = (HttpServletResponse) ec.getResponse();
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username == null ? "" : username.strip(),
                                password == null ? "" : password))
                        .newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> fc.responseComplete();
            case SUCCESS -> {
                // A new session id at sign-in, so that an id planted before sign-in is worth nothing after it.
                request.changeSessionId();
                // When this session began, for "sign out everywhere" (SessionEpochFilter); and its idle limit.
                request.getSession().setAttribute(SessionEpochFilter.SIGNED_IN_AT,
                        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
                request.getSession().setMaxInactiveInterval(Math.max(1, idleMinutes) * 60);
                if (people.findByUsername(username.strip()).map(Person::isMustChangePassword).orElse(false)) {
                    request.getSession().setAttribute(MustChangePasswordFilter.FLAG, Boolean.TRUE);
                    ec.redirect(ec.getRequestContextPath() + MustChangePasswordFilter.PAGE);
                } else if (!fc.getResponseComplete()) {
                    ec.redirect(ec.getRequestContextPath() + "/office/index.xhtml");
                }
            }
            default -> {
                if (attempts.last() instanceof SignInResult.Throttled throttled) {
                    Texts.addMessage(null, FacesMessage.SEVERITY_ERROR, "admin.signin.throttled",
                            time.dateTime(throttled.until()));
                } else if (attempts.last() instanceof SignInResult.Locked locked) {
                    Texts.addMessage(null, FacesMessage.SEVERITY_ERROR, "signin.locked", time.dateTime(locked.until()));
                } else {
                    Texts.addMessage(null, FacesMessage.SEVERITY_ERROR, "signin.invalid");
                }
                password = null;
            }
        }
    }

    /** True when the person was sent here because their sessions were ended ("sign out everywhere"). */
    public boolean isSessionEnded() {
        return "true".equals(FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap().get("ended"));
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
