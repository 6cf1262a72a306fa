package org.wenzheng.intake;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** A registered message graded 重大 or 特别重大 that no leader has routed yet. */
public record MajorAlert(long id, String title, Severity severity, WarningColour warningColour, boolean urgent,
                         OffsetDateTime registeredAt, String registeredBy) implements Serializable {
}
