package org.wenzheng.board;

import java.util.Locale;

/** A unit or topic the board can be filtered by. */
public record FilterOption(Long id, String name, String nameEn) {

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : name;
    }
}
