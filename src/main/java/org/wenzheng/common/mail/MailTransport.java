package org.wenzheng.common.mail;

import java.util.List;

/** Hands one mail to the mail server; throws when the server does not take it. */
public interface MailTransport {

    /** One mail, with its files attached (none for most mails). */
    void send(String recipient, String subject, String body, List<MailAttachment> attachments) throws Exception;

    /** False when no mail server is configured: mails then wait in the outbox. */
    boolean isConfigured();
}
