package org.wenzheng.people;

/** A password change that was refused; the message is a translation key for the page. */
public class PasswordChangeRefused extends RuntimeException {

    public PasswordChangeRefused(String messageKey) {
        super(messageKey);
    }

    public String messageKey() {
        return getMessage();
    }
}
