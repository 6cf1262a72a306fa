package org.wenzheng.intake.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.wenzheng.board.MessageKind;
import org.wenzheng.intake.Severity;
import org.wenzheng.intake.WarningColour;

/** The fixed choices of the intake forms, for f:selectItems. */
@Named
@ApplicationScoped
public class IntakeOptions {

    public MessageKind[] getKinds() {
        return MessageKind.values();
    }

    public Severity[] getSeverities() {
        return Severity.values();
    }

    public WarningColour[] getColours() {
        return WarningColour.values();
    }
}
