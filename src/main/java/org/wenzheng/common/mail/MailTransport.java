package org.wenzheng.common.mail;

/** Hands one mail to the mail server; throws when the server does not take it. */
public interface MailTransport {

    void send(String recipient, String subject, String body) throws Exception;

    /** False when no mail server is configured: mails then wait in the outbox. */
    boolean isConfigured();
}
