package org.wenzheng.people.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.people.admin.AdminViews.PersonRef;
import org.wenzheng.people.admin.AdminViews.UnitCommand;
import org.wenzheng.people.admin.AdminViews.UnitData;
import org.wenzheng.people.admin.PeopleAdminService;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** The administrator's units: the tree, one form to add or change a unit, its liaisons, deactivation. */
@Named
@ViewScoped
public class UnitsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PeopleAdminService service;

    private List<UnitData> units;
    private List<PersonRef> liaisonChoices;

    private Long editingId;
    private Long editingVersion;
    private String code;
    private String name;
    private String nameEn;
    private Long parentId;
    private String headName;
    private String headEmail;
    private String email;
    private List<Long> liaisonIds = new ArrayList<>();

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
        units = service.units();
        liaisonChoices = service.liaisons();
    }

    public void edit(UnitData u) {
        editingId = u.id();
        editingVersion = u.version();
        code = u.code();
        name = u.name();
        nameEn = u.nameEn();
        parentId = u.parentId();
        headName = u.headName();
        headEmail = u.headEmail();
        email = u.email();
        liaisonIds = new ArrayList<>(u.liaisons().stream().map(PersonRef::id).toList());
    }

    public void cancel() {
        editingId = null;
        editingVersion = null;
        code = null;
        name = null;
        nameEn = null;
        parentId = null;
        headName = null;
        headEmail = null;
        email = null;
        liaisonIds = new ArrayList<>();
    }

    public void save() {
        try {
            UnitData saved = service.saveUnit(new UnitCommand(editingId, code, name, nameEn, parentId, headName,
                    headEmail, email, new HashSet<>(liaisonIds), editingVersion));
            AdminPages.info("admin.unit.saved", saved.name());
            cancel();
        } catch (RuntimeException e) {
            AdminPages.action(e, null);
        }
        refresh();
    }

    public void setActive(Long id, boolean active) {
        try {
            service.setUnitActive(id, active);
            AdminPages.info(active ? "admin.unit.reactivated" : "admin.unit.deactivated");
            if (id.equals(editingId)) {
                cancel();
            }
        } catch (RuntimeException e) {
            AdminPages.action(e, null);
        }
        refresh();
    }

    /** Units that can be a parent of the one being edited: active ones other than itself. */
    public List<UnitData> getParentChoices() {
        return getUnits().stream().filter(u -> u.active() && !u.id().equals(editingId)).toList();
    }

    public List<UnitData> getUnits() { return units == null ? List.of() : units; }
    public List<PersonRef> getLiaisonChoices() { return liaisonChoices == null ? List.of() : liaisonChoices; }
    public boolean isEditing() { return editingId != null; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public String getHeadName() { return headName; }
    public void setHeadName(String headName) { this.headName = headName; }
    public String getHeadEmail() { return headEmail; }
    public void setHeadEmail(String headEmail) { this.headEmail = headEmail; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public List<Long> getLiaisonIds() { return liaisonIds; }
    public void setLiaisonIds(List<Long> liaisonIds) { this.liaisonIds = liaisonIds; }
}
