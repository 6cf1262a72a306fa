package org.wenzheng.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.wenzheng.deadline.DeadlineService;
import org.wenzheng.intake.Severity;

import java.time.Duration;
import java.util.Optional;

/**
 * Supervision's settings, which the administrator sets with the deadline policy (/office/admin/policy.xhtml), read
 * at each use (a scan reads them once), so that a change applies at the next scan without a restart.
 */
@ApplicationScoped
public class SupervisionSettings {

    @Inject
    DeadlineService deadlines;

    /** Working days (calendar days in calendar-day mode) before the due at which the reminder (催办) goes out. */
    public int reminderLeadDays() {
        return deadlines.readSettings().reminderLeadDays();
    }

    /**
     * How long a 重大 or 特别重大 case may go without a submitted reply before the leaders are alerted, counted from
     * the message's posting; empty for severities that are not alerted.
     */
    public Optional<Duration> firstResponseLimit(Severity severity) {
        return severity == null ? Optional.empty() : deadlines.firstResponseLimit(severity);
    }
}
