package org.wenzheng.people.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.people.catalog.CatalogService;
import org.wenzheng.people.catalog.CatalogViews.BoardSettingsData;

import java.io.Serializable;

/** The board's settings: banned words (one per line) and the posting limit per hour. */
@Named
@ViewScoped
public class BoardSettingsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CatalogService service;

    private BoardSettingsData current;
    private String bannedWords;
    private Integer maxPerHour;
    private boolean manualPublication;

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        try {
            show(service.boardSettings());
            manualPublication = service.manualPublication();
        } catch (RuntimeException e) {
            AdminPages.opening(e);
        }
    }

    private void show(BoardSettingsData s) {
        current = s;
        bannedWords = String.join("\n", s.bannedWords() != null ? s.bannedWords() : s.appliedBannedWords());
        maxPerHour = s.maxPerHour() != null ? s.maxPerHour() : s.appliedMaxPerHour();
    }

    public void save() {
        try {
            show(service.saveBoardSettings(bannedWords == null ? "" : bannedWords, maxPerHour));
            AdminPages.info("admin.settings.saved");
        } catch (RuntimeException e) {
            AdminPages.action(e, null);
        }
    }

    public void savePublication() {
        try {
            manualPublication = service.setManualPublication(manualPublication);
            AdminPages.info("admin.settings.saved");
        } catch (RuntimeException e) {
            AdminPages.action(e, null);
        }
    }

    public boolean isManualPublication() { return manualPublication; }
    public void setManualPublication(boolean manualPublication) { this.manualPublication = manualPublication; }
    public BoardSettingsData getCurrent() { return current; }
    public String getAppliedBannedWords() {
        return current == null ? "" : String.join("、", current.appliedBannedWords());
    }
    public String getBannedWords() { return bannedWords; }
    public void setBannedWords(String bannedWords) { this.bannedWords = bannedWords; }
    public Integer getMaxPerHour() { return maxPerHour; }
    public void setMaxPerHour(Integer maxPerHour) { this.maxPerHour = maxPerHour; }
}
