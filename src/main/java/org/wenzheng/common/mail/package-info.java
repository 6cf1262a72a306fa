/**
 * Outgoing mail: an outbox written in the same transaction as the step that causes it, sent over SMTP (Jakarta Mail)
 * with retries, its delivery state kept for the object it is about.
 */
package org.wenzheng.common.mail;
