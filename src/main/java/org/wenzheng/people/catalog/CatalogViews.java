package org.wenzheng.people.catalog;

import java.util.List;

/** What the categories and board-settings pages and API read and send. */
public final class CatalogViews {

    private CatalogViews() {
    }

    /** A topic; {@code id} null when adding. */
    public record CategoryData(Long id, String code, String name, String nameEn, int sortOrder, boolean active) {
    }

    /**
     * The board's settings as stored by the administrator ({@code null} where none is stored, so the deployment's
     * MicroProfile Config applies) and as the posting code applies them now.
     */
    public record BoardSettingsData(List<String> bannedWords, Integer maxPerHour, List<String> appliedBannedWords,
                                    int appliedMaxPerHour) {
    }
}
