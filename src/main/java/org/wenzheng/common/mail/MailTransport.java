package org.wenzheng.common.mail;

/** Hands one mail to the mail server; throws when the server does not take it. */
public interface MailTransport {

    void send(String recipient, String subject, String body) throws Exception;

    /** The same with files attached; a transport that cannot attach refuses rather than drop them. */
    default void send(String recipient, String subject, String body, java.util.List<MailAttachment> attachments)
            throws Exception {
        if (!attachments.isEmpty()) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot send attachments");
        }
        send(recipient, subject, body);
    }

    /** False when no mail server is configured: mails then wait in the outbox. */
    boolean isConfigured();
}
