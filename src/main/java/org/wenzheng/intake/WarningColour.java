package org.wenzheng.intake;

/** 四色预警: by nature, harm and reach. */
public enum WarningColour {
    RED, ORANGE, YELLOW, BLUE
}
