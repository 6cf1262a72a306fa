package org.wenzheng.routing.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.board.Category;
import org.wenzheng.common.web.LocaleBean;
import org.wenzheng.common.web.PageErrors;
import org.wenzheng.common.web.Texts;
import org.wenzheng.people.PeopleService;
import org.wenzheng.routing.RoutingRuleService;
import org.wenzheng.routing.RoutingRuleService.RuleData;
import org.wenzheng.routing.RoutingViews.UnitOption;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/** The administrator's routing rules: the list, and one form to add a rule or change the one being edited. */
@Named
@ViewScoped
public class RulesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The reader's language; the view root's is not yet set when the view action runs. */
    @Inject
    LocaleBean localeBean;

    @Inject
    RoutingRuleService service;

    @Inject
    PeopleService people;

    private List<RuleData> rules;
    private List<UnitOption> units;
    private List<UnitOption> categories;

    private Long editingId;
    private Long editingVersion;
    private Long unitId;
    private Long categoryId;
    private String keywords;
    private String places;
    private Integer priority = 0;

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            PageErrors.opening(e);
        }
    }

    private void refresh() {
        Locale locale = localeBean.getLocale();
        rules = service.rules();
        if (units == null) {
            units = people.activeUnits().stream().map(u -> new UnitOption(u.getId(), u.displayName(locale))).toList();
            categories = service.categories().stream()
                    .map((Category c) -> new UnitOption(c.getId(), c.displayName(locale))).toList();
        }
    }

    public void edit(RuleData r) {
        editingId = r.id();
        editingVersion = r.version();
        unitId = r.unitId();
        categoryId = r.categoryId();
        keywords = r.keywords();
        places = r.places();
        priority = r.priority();
    }

    public void cancel() {
        editingId = null;
        editingVersion = null;
        unitId = null;
        categoryId = null;
        keywords = null;
        places = null;
        priority = 0;
    }

    public void save() {
        try {
            service.save(new RuleData(editingId, unitId, null, categoryId, null, keywords, places,
                    priority == null ? 0 : priority, true, editingVersion));
            Texts.addMessage(null, FacesMessage.SEVERITY_INFO, "routing.rule.saved");
            cancel();
        } catch (RuntimeException e) {
            PageErrors.action(e, "rule:keywords", "routing.api.forbidden");
        }
        refresh();
    }

    public void deactivate(Long id) {
        try {
            service.deactivate(id);
            Texts.addMessage(null, FacesMessage.SEVERITY_INFO, "routing.rule.deactivated");
            if (id.equals(editingId)) {
                cancel();
            }
        } catch (RuntimeException e) {
            PageErrors.action(e, null, "routing.api.forbidden");
        }
        refresh();
    }

    public List<RuleData> getRules() { return rules == null ? List.of() : rules; }
    public List<UnitOption> getUnits() { return units == null ? List.of() : units; }
    public List<UnitOption> getCategories() { return categories == null ? List.of() : categories; }
    public boolean isEditing() { return editingId != null; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public Long getCategoryId() { return categoryId; }
    public void setCategoryId(Long categoryId) { this.categoryId = categoryId; }
    public String getKeywords() { return keywords; }
    public void setKeywords(String keywords) { this.keywords = keywords; }
    public String getPlaces() { return places; }
    public void setPlaces(String places) { this.places = places; }
    public Integer getPriority() { return priority; }
    public void setPriority(Integer priority) { this.priority = priority; }
}
