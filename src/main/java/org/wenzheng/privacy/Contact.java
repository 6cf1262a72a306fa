package org.wenzheng.privacy;

import java.io.Serializable;

/** A citizen's contact data in full (either part may be null, both are null once erased). Staff only. */
public record Contact(String phone, String email, boolean erased) implements Serializable {
}
