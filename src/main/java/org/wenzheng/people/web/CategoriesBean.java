package org.wenzheng.people.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.people.catalog.CatalogService;
import org.wenzheng.people.catalog.CatalogViews.CategoryData;

import java.io.Serializable;
import java.util.List;

/** The administrator's topics (类别) used by the posting form and intake: add, change, deactivate. */
@Named
@ViewScoped
public class CategoriesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CatalogService service;

    private List<CategoryData> categories;
    private Long editingId;
    private String code;
    private String name;
    private String nameEn;
    private Integer sortOrder = 0;

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        try {
            categories = service.categories();
        } catch (RuntimeException e) {
            AdminPages.opening(e);
        }
    }

    public void edit(CategoryData c) {
        editingId = c.id();
        code = c.code();
        name = c.name();
        nameEn = c.nameEn();
        sortOrder = c.sortOrder();
    }

    public void cancel() {
        editingId = null;
        code = null;
        name = null;
        nameEn = null;
        sortOrder = 0;
    }

    public void save() {
        try {
            CategoryData saved = service.saveCategory(new CategoryData(editingId, code, name, nameEn,
                    sortOrder == null ? 0 : sortOrder, true));
            AdminPages.info("admin.category.saved", saved.name());
            cancel();
        } catch (RuntimeException e) {
            AdminPages.action(e, null);
        }
        categories = service.categories();
    }

    public void setActive(Long id, boolean active) {
        try {
            service.setCategoryActive(id, active);
            AdminPages.info(active ? "admin.category.reactivated" : "admin.category.deactivated");
        } catch (RuntimeException e) {
            AdminPages.action(e, null);
        }
        categories = service.categories();
    }

    public List<CategoryData> getCategories() { return categories == null ? List.of() : categories; }
    public boolean isEditing() { return editingId != null; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public Integer getSortOrder() { return sortOrder; }
    public void setSortOrder(Integer sortOrder) { this.sortOrder = sortOrder; }
}
