package org.wenzheng.intake;

import java.io.Serializable;

/** A topic to choose when registering. */
public record CategoryOption(long id, String code, String name, String nameEn) implements Serializable {
}
