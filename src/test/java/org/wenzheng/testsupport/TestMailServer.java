package org.wenzheng.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.wenzheng.dev.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real SMTP server (GreenMail) in the test JVM for the whole integration-test run; Payara Micro sends to it
 * (arquillian.xml passes wz.test.smtp.port). Client-side test code reads what arrived through {@link #greenMail()},
 * and may stop and restart it to play a mail server that is down.
 */
public class TestMailServer implements LauncherSessionListener {

    private static GreenMail greenMail;
    private static int port;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("wz.test.embeddedDb") || greenMail != null) {
            return;
        }
        try {
            port = EmbeddedPostgres.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("wz.test.smtp.port", String.valueOf(port));
        start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    public static synchronized GreenMail greenMail() {
        return greenMail;
    }

    public static synchronized void start() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
    }

    public static synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }
}
