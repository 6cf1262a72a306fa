package org.wenzheng.privacy;

/** Contact data cannot be encrypted or decrypted: no key, an unknown key version, or a value that was altered. */
public class ContactDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ContactDataException(String message) {
        super(message);
    }

    public ContactDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
