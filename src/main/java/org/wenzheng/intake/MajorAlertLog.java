package org.wenzheng.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.logging.Logger;

/**
 * Logs each committed major registration. The leaders see these at once on /office/intake/alerts.xhtml and on the
 * back-office home, and by e-mail ({@link MajorAlertMail}).
 */
@ApplicationScoped
public class MajorAlertLog {

    private static final Logger LOG = Logger.getLogger(MajorAlertLog.class.getName());

    void onMajor(@Observes(during = TransactionPhase.AFTER_SUCCESS) MajorMessageRegistered e) {
        LOG.warning(() -> "Major message registered: id " + e.messageId() + ", " + e.severity() + "/"
                + e.warningColour() + (e.urgent() ? ", urgent" : "") + ", by " + e.registeredBy());
    }
}
