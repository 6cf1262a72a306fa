package org.wenzheng.people.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.common.web.LocaleBean;
import org.wenzheng.people.PeopleService;
import org.wenzheng.people.Role;
import org.wenzheng.people.admin.AdminViews.NewPerson;
import org.wenzheng.people.admin.AdminViews.PersonChange;
import org.wenzheng.people.admin.AdminViews.PersonData;
import org.wenzheng.people.admin.PeopleAdminService;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The administrator's people: the list, one form to add a person (with an initial password to be changed at the
 * first sign-in) or change one (name, e-mail, roles, units), and per person: deactivate or reactivate, unlock,
 * reset the password, end all sessions.
 */
@Named
@ViewScoped
public class PeopleBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PeopleAdminService service;

    @Inject
    PeopleService people;

    @Inject
    LocaleBean localeBean;

    private List<PersonData> list;
    private List<UnitChoice> unitChoices;

    private Long editingId;
    private Long editingVersion;
    private String username;
    private String displayName;
    private String email;
    private String password;
    private List<String> roles = new ArrayList<>();
    private List<Long> unitIds = new ArrayList<>();

    private PersonData resetting;
    private String temporaryPassword;

    /** A unit to tick for a liaison. */
    public record UnitChoice(Long id, String label) implements Serializable {
    }

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
        list = service.people();
        if (unitChoices == null) {
            unitChoices = people.activeUnits().stream()
                    .map(u -> new UnitChoice(u.getId(), u.getCode() + " " + u.displayName(localeBean.getLocale())))
                    .toList();
        }
    }

    public void edit(PersonData p) {
        editingId = p.id();
        editingVersion = p.version();
        username = p.username();
        displayName = p.displayName();
        email = p.email();
        password = null;
        roles = new ArrayList<>(p.roles().stream().map(Role::name).toList());
        unitIds = new ArrayList<>(p.unitIds());
        resetting = null;
    }

    public void cancel() {
        editingId = null;
        editingVersion = null;
        username = null;
        displayName = null;
        email = null;
        password = null;
        roles = new ArrayList<>();
        unitIds = new ArrayList<>();
        resetting = null;
        temporaryPassword = null;
    }

    public void save() {
        try {
            PersonData saved = editingId == null
                    ? service.createPerson(new NewPerson(username, displayName, email, password, roleSet(),
                    new HashSet<>(unitIds)))
                    : service.changePerson(new PersonChange(editingId, displayName, email, roleSet(),
                    new HashSet<>(unitIds), editingVersion));
            AdminPages.info(editingId == null ? "admin.person.created" : "admin.person.saved", saved.username());
            cancel();
        } catch (RuntimeException e) {
            AdminPages.action(e, editingId == null && isPasswordProblem(e) ? "person:password" : null);
        }
        password = null;
        refresh();
    }

    public void setActive(Long id, boolean active) {
        act(() -> service.setPersonActive(id, active), active ? "admin.person.reactivated" : "admin.person.deactivated");
    }

    public void unlock(Long id) {
        act(() -> service.unlock(id), "admin.person.unlocked");
    }

    public void endSessions(Long id) {
        act(() -> service.endSessions(id), "admin.person.sessionsEnded");
    }

    public void startReset(PersonData p) {
        cancel();
        resetting = p;
    }

    public void reset() {
        try {
            PersonData p = service.resetPassword(resetting.id(), temporaryPassword);
            AdminPages.info("admin.person.passwordReset", p.username());
            resetting = null;
        } catch (RuntimeException e) {
            AdminPages.action(e, "reset:temporary");
        }
        temporaryPassword = null;
        refresh();
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            AdminPages.info(doneKey);
        } catch (RuntimeException e) {
            AdminPages.action(e, null);
        }
        refresh();
    }

    private static boolean isPasswordProblem(RuntimeException e) {
        return e instanceof org.wenzheng.common.ActionRefused r && r.key().startsWith("password.");
    }

    private Set<Role> roleSet() {
        Set<Role> out = EnumSet.noneOf(Role.class);
        roles.forEach(r -> out.add(Role.valueOf(r)));
        return out;
    }

    public List<String> getRoleChoices() {
        return Arrays.stream(Role.values()).map(Role::name).toList();
    }

    public List<PersonData> getList() { return list == null ? List.of() : list; }
    public List<UnitChoice> getUnitChoices() { return unitChoices == null ? List.of() : unitChoices; }
    public boolean isEditing() { return editingId != null; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles; }
    public List<Long> getUnitIds() { return unitIds; }
    public void setUnitIds(List<Long> unitIds) { this.unitIds = unitIds; }
    public PersonData getResetting() { return resetting; }
    public String getTemporaryPassword() { return temporaryPassword; }
    public void setTemporaryPassword(String temporaryPassword) { this.temporaryPassword = temporaryPassword; }
}
