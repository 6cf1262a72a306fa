package org.wenzheng.common.mail;

/**
 * Renders the documents of one kind that mails may carry (a feature's CDI bean, found by the outbox). Called when the
 * mail is sent, without a signed-in person: the mail's recipients were chosen when it was queued.
 */
public interface MailAttachmentSource {

    /** The kind named in {@link MailAttachment.Ref#kind()}, for example "overdue_notice". */
    String kind();

    /** The document as it is now; throws if it no longer exists (the mail then fails and is retried). */
    MailAttachment render(long id);
}
