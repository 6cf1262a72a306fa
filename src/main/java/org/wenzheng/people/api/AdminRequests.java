package org.wenzheng.people.api;

import org.wenzheng.common.ActionRefused;
import org.wenzheng.people.Role;

import java.util.Set;

/**
 * Request bodies of the administration API. Plain fields without constraint annotations (Payara's OpenAPI scanner
 * fails on them, see routing.api.Requests); the services check every value.
 */
public final class AdminRequests {

    private AdminRequests() {
    }

    static <T> T require(T body) {
        if (body == null) {
            throw new ActionRefused(ActionRefused.Kind.INVALID, "admin.api.invalid");
        }
        return body;
    }

    /** A unit; {@code liaisonIds} (optional) are exactly its liaisons; {@code version} as read (PUT). */
    public static class UnitBody {
        public String code;
        public String name;
        public String nameEn;
        public Long parentId;
        public String headName;
        public String headEmail;
        public String email;
        public Set<Long> liaisonIds;
        public Long version;
    }

    /** A new person with an initial password (to be changed at the first sign-in). */
    public static class NewPersonBody {
        public String username;
        public String displayName;
        public String email;
        public String initialPassword;
        public Set<Role> roles;
        public Set<Long> unitIds;
    }

    /** A change to a person; {@code version} as read. */
    public static class PersonBody {
        public String displayName;
        public String email;
        public Set<Role> roles;
        public Set<Long> unitIds;
        public Long version;
    }

    public static class PasswordBody {
        public String temporaryPassword;
    }

    public static class CategoryBody {
        public String code;
        public String name;
        public String nameEn;
        public int sortOrder;
    }

    /** Banned words (a list) and the posting limit per hour; a missing field removes the stored value. */
    public static class BoardSettingsBody {
        public java.util.List<String> bannedWords;
        public Integer maxPerHour;
    }

    public static class LiaisonsBody {
        public Set<Long> personIds;
    }
}
