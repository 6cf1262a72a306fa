package org.wenzheng.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.wenzheng.deadline.DeadlineService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.intake.Severity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Supervision's settings from the settings table, read at each use (a scan reads them once), so that an
 * administrator's change applies at the next scan without a restart.
 */
@ApplicationScoped
public class SupervisionSettings {

    private static final Logger LOG = Logger.getLogger(SupervisionSettings.class.getName());

    /** Working days (calendar days in calendar-day mode) before the due at which the reminder goes out. */
    static final String REMINDER_LEAD = "supervision.reminder.lead";
    static final int DEFAULT_LEAD = 1;
    @PersistenceContext
    EntityManager em;

    @Inject
    DeadlineService deadlines;

    public int reminderLeadDays() {
        return setting(REMINDER_LEAD).map(v -> parse(REMINDER_LEAD, v, DEFAULT_LEAD)).filter(v -> v >= 1)
                .orElse(DEFAULT_LEAD);
    }

    /**
     * How long a 重大 or 特别重大 case may go without a submitted reply before the leaders are alerted, counted from
     * the message's posting; empty for severities that are not alerted. The administrator sets it with the deadline
     * policy (/office/admin/policy.xhtml).
     */
    public Optional<Duration> firstResponseLimit(Severity severity) {
        return severity == null ? Optional.empty() : deadlines.firstResponseLimit(severity);
    }

    private Optional<String> setting(String key) {
        List<?> rows = em.createNativeQuery("select value from setting where key = ?1").setParameter(1, key)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(rows.get(0)).strip());
    }

    private static int parse(String key, String value, int fallback) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            LOG.warning(() -> "Setting " + key + " is not a whole number (" + value + "); using " + fallback);
            return fallback;
        }
    }
}
