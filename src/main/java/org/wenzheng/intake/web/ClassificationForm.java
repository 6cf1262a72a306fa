package org.wenzheng.intake.web;

import org.wenzheng.board.MessageKind;
import org.wenzheng.intake.Classification;
import org.wenzheng.intake.Severity;
import org.wenzheng.intake.WarningColour;

import java.io.Serializable;

/** The register form's fields, shared by the message page and the queue's bulk action. */
public class ClassificationForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private MessageKind kind;
    private Long categoryId;
    private Severity severity = Severity.ORDINARY;
    private WarningColour colour = WarningColour.BLUE;
    private boolean urgent;
    private boolean makePublic = true;

    public Classification toClassification() {
        return new Classification(kind, categoryId, severity, colour, urgent, makePublic);
    }

    public MessageKind getKind() { return kind; }
    public void setKind(MessageKind kind) { this.kind = kind; }
    public Long getCategoryId() { return categoryId; }
    public void setCategoryId(Long categoryId) { this.categoryId = categoryId; }
    public Severity getSeverity() { return severity; }
    public void setSeverity(Severity severity) { this.severity = severity; }
    public WarningColour getColour() { return colour; }
    public void setColour(WarningColour colour) { this.colour = colour; }
    public boolean isUrgent() { return urgent; }
    public void setUrgent(boolean urgent) { this.urgent = urgent; }
    public boolean isMakePublic() { return makePublic; }
    public void setMakePublic(boolean makePublic) { this.makePublic = makePublic; }
}
