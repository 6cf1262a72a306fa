package org.wenzheng.people.admin;

import org.wenzheng.people.Role;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The checks on administrative input, without the database; each returns the message key of the problem. */
public final class AdminRules {

    static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    static final int MAX_EMAIL = 200;
    static final int MAX_UNIT_NAME = 200;
    static final int MAX_PERSON_NAME = 100;
    static final int MAX_HEAD_NAME = 100;

    private AdminRules() {
    }

    public static Optional<String> unitProblem(String code, String name, String nameEn, String headName,
                                               String headEmail, String email) {
        if (code == null || !UNIT_CODE.matcher(code).matches()) {
            return Optional.of("admin.unit.error.code");
        }
        if (blank(name) || name.strip().length() > MAX_UNIT_NAME || (nameEn != null && nameEn.length() > MAX_UNIT_NAME)) {
            return Optional.of("admin.unit.error.name");
        }
        if (headName != null && headName.length() > MAX_HEAD_NAME) {
            return Optional.of("admin.unit.error.headName");
        }
        if (!emailOk(headEmail) || !emailOk(email)) {
            return Optional.of("admin.error.email");
        }
        return Optional.empty();
    }

    /**
     * Whether making {@code parentId} the parent of {@code unitId} would close a loop: walks up from the new parent
     * through {@code parentOf} and fails if it meets the unit itself.
     */
    public static boolean makesCycle(Long unitId, Long parentId, Function<Long, Long> parentOf) {
        if (unitId == null || parentId == null) {
            return false;
        }
        Set<Long> seen = new HashSet<>();
        for (Long at = parentId; at != null; at = parentOf.apply(at)) {
            if (at.equals(unitId) || !seen.add(at)) {
                return true;
            }
        }
        return false;
    }

    public static Optional<String> personProblem(String username, String displayName, String email, Set<Role> roles,
                                                 Set<Long> unitIds) {
        if (username != null && !USERNAME.matcher(username).matches()) {
            return Optional.of("admin.person.error.username");
        }
        if (blank(displayName) || displayName.strip().length() > MAX_PERSON_NAME) {
            return Optional.of("admin.person.error.displayName");
        }
        if (!emailOk(email)) {
            return Optional.of("admin.error.email");
        }
        if (roles == null || roles.isEmpty()) {
            return Optional.of("admin.person.error.noRole");
        }
        if (roles.contains(Role.LIAISON) && (unitIds == null || unitIds.isEmpty())) {
            return Optional.of("admin.person.error.liaisonUnit");
        }
        return Optional.empty();
    }

    /**
     * The guard on administrators: no change (in practice, an administrator removing their own role or deactivating
     * themselves) may leave the application without an active administrator.
     */
    public static Optional<String> adminGuard(boolean wasActiveAdmin, boolean staysActiveAdmin,
                                              long otherActiveAdmins) {
        if (!wasActiveAdmin || staysActiveAdmin) {
            return Optional.empty();
        }
        if (otherActiveAdmins == 0) {
            return Optional.of("admin.person.error.lastAdmin");
        }
        return Optional.empty();
    }

    static boolean emailOk(String email) {
        return email == null || email.isBlank() || (email.length() <= MAX_EMAIL && EMAIL.matcher(email.strip()).matches());
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
