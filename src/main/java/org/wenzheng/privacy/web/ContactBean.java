package org.wenzheng.privacy.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.privacy.Contact;
import org.wenzheng.privacy.ContactService;

import java.io.Serializable;

/**
 * The masked contact on the intake officer's message page turns into the full one on request ("显示完整联系方式");
 * the service writes CONTACT_VIEWED. Kept for the view, so one click per message and officer is enough.
 */
@Named
@ViewScoped
public class ContactBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ContactService contacts;

    private Contact contact;

    public void reveal(long messageId) {
        contact = contacts.reveal(messageId).orElse(null);
    }

    public boolean isShown() {
        return contact != null;
    }

    public Contact getContact() {
        return contact;
    }
}
