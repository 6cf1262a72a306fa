package org.wenzheng.common.mail;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.privacy.ContactMask;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Sends due mail every wz.mail.pollSeconds (default 15) while a mail server is configured. */
@Singleton
@Startup
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());
    private static final int BATCH = 50;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MailOutbox outbox;

    @Inject
    MailTransport transport;

    @Inject
    @ConfigProperty(name = "wz.mail.pollSeconds", defaultValue = "15")
    int pollSeconds;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        if (!transport.isConfigured()) {
            LOG.info("No mail server configured (wz.mail.host): notifications wait in the outbox until one is.");
            return;
        }
        task = scheduler.scheduleWithFixedDelay(this::drain, pollSeconds, pollSeconds, TimeUnit.SECONDS);
    }

    private void drain() {
        try {
            // Keep going while full batches come back, so a backlog clears within one tick.
            while (outbox.dispatchDue(BATCH) == BATCH) {
                Thread.onSpinWait();
            }
        } catch (RuntimeException e) {
            // The cause may name a recipient (personal data): the line is masked, the stack trace only at FINE.
            LOG.warning(() -> "Mail dispatch failed; will try again: " + ContactMask.inText(String.valueOf(e)));
            LOG.log(Level.FINE, "Mail dispatch failure", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
