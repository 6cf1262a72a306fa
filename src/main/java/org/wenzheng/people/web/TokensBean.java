package org.wenzheng.people.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.people.ApiTokenService;
import org.wenzheng.people.ApiTokenService.Issued;
import org.wenzheng.people.ApiTokenService.TokenView;
import org.wenzheng.people.Role;
import org.wenzheng.people.admin.AdminViews.PersonRef;
import org.wenzheng.people.admin.PeopleAdminService;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The administrator's API tokens for integrated systems: issue one for a system account (a person) with a subset
 * of its roles and an optional last day; the secret is shown once, right after issuing; list; revoke.
 */
@Named
@ViewScoped
public class TokensBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    ApiTokenService tokens;

    @Inject
    PeopleAdminService admin;

    @Inject
    java.time.Clock clock;

    private List<TokenView> list;
    private List<PersonRef> accounts;

    private String name;
    private String username;
    private List<String> roles = new ArrayList<>();
    private LocalDate lastDay;
    /** The secret of the token just issued; shown once, then forgotten. */
    private String issuedSecret;

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            AdminPages.opening(e);
        }
    }

    private void refresh() {
        list = tokens.list();
        accounts = admin.activePeople();
    }

    public void issue() {
        issuedSecret = null;
        try {
            Set<Role> set = EnumSet.noneOf(Role.class);
            roles.forEach(r -> set.add(Role.valueOf(r)));
            OffsetDateTime expires = lastDay == null ? null : lastDay.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime();
            Issued issued = tokens.issue(name, username, set, expires);
            issuedSecret = issued.token();
            AdminPages.info("admin.token.issued", name);
            name = null;
            username = null;
            roles = new ArrayList<>();
            lastDay = null;
        } catch (RuntimeException e) {
            AdminPages.action(e, null);
        }
        refresh();
    }

    public void revoke(Long id) {
        issuedSecret = null;
        try {
            tokens.revoke(id);
            AdminPages.info("admin.token.revoked");
        } catch (RuntimeException e) {
            AdminPages.action(e, null);
        }
        refresh();
    }

    /** Whether the token still lets its system in (not revoked, not expired). */
    public boolean usable(TokenView t) {
        return t.revokedAt() == null && (t.expiresAt() == null || t.expiresAt().isAfter(OffsetDateTime.now(clock)));
    }

    public List<String> getRoleChoices() {
        return Arrays.stream(Role.values()).map(Role::name).toList();
    }

    public List<TokenView> getList() { return list == null ? List.of() : list; }
    public List<PersonRef> getAccounts() { return accounts == null ? List.of() : accounts; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles; }
    public LocalDate getLastDay() { return lastDay; }
    public void setLastDay(LocalDate lastDay) { this.lastDay = lastDay; }
    public String getIssuedSecret() { return issuedSecret; }
}
