package org.wenzheng.intake;

/** A topic to choose when registering. */
public record CategoryOption(long id, String code, String name, String nameEn) {
}
