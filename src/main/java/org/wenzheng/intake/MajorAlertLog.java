package org.wenzheng.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.logging.Logger;

/**
 * Logs each committed major registration. The leaders see these at once on /office/intake/alerts.xhtml; there is
 * no e-mail in the application yet, so an observer that mails them belongs here once there is.
 */
@ApplicationScoped
public class MajorAlertLog {

    private static final Logger LOG = Logger.getLogger(MajorAlertLog.class.getName());

    void onMajor(@Observes(during = TransactionPhase.AFTER_SUCCESS) MajorMessageRegistered e) {
        LOG.warning(() -> "Major message registered: id " + e.messageId() + ", " + e.severity() + "/"
                + e.warningColour() + (e.urgent() ? ", urgent" : "") + ", by " + e.registeredBy());
    }
}
