package org.wenzheng.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One unit in a bulletin: its cases due in the period, how many were answered by their due, and how many passed the
 * due with neither a reply nor an explanation (what names the unit). The name is kept as it was when generated.
 */
@Embeddable
public class BulletinLine {

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Column(name = "unit_name", nullable = false, length = 200)
    private String unitName;

    @Column(name = "due_count", nullable = false)
    private int dueCount;

    @Column(name = "on_time_count", nullable = false)
    private int onTimeCount;

    @Column(name = "unanswered_count", nullable = false)
    private int unansweredCount;

    protected BulletinLine() {
    }

    public BulletinLine(Long unitId, String unitName, int dueCount, int onTimeCount, int unansweredCount) {
        this.unitId = unitId;
        this.unitName = unitName;
        this.dueCount = dueCount;
        this.onTimeCount = onTimeCount;
        this.unansweredCount = unansweredCount;
    }

    /** Named in the bulletin: passed a deadline with neither reply nor explanation. */
    public boolean isNamed() {
        return unansweredCount > 0;
    }

    /** Answered by the due, as a percentage of the cases due (0 decimals); 100 when nothing was due. */
    public int getOnTimePercent() {
        return dueCount == 0 ? 100 : (int) Math.round(100.0 * onTimeCount / dueCount);
    }

    public Long getUnitId() { return unitId; }
    public String getUnitName() { return unitName; }
    public int getDueCount() { return dueCount; }
    public int getOnTimeCount() { return onTimeCount; }
    public int getUnansweredCount() { return unansweredCount; }
}
