package org.wenzheng.people.admin;

import org.wenzheng.people.Role;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** What the administration pages and API read and send. */
public final class AdminViews {

    private AdminViews() {
    }

    /** A person named in a list (a unit's liaisons, the system accounts for tokens). */
    public record PersonRef(Long id, String username, String displayName) {
    }

    /** A unit as listed: {@code depth} is its level in the tree (0 for a top unit), the list is in tree order. */
    public record UnitData(Long id, String code, String name, String nameEn, Long parentId, String parentName,
                           String headName, String headEmail, String email, boolean active, int depth,
                           List<PersonRef> liaisons, long version) {
    }

    /**
     * A unit to add (id null) or change (id and the version read); {@code liaisonIds}, when not null, are exactly
     * the people (with the LIAISON role) who answer for it.
     */
    public record UnitCommand(Long id, String code, String name, String nameEn, Long parentId, String headName,
                              String headEmail, String email, Set<Long> liaisonIds, Long version) {
    }

    /** A person as listed. {@code locked} while a lockout runs. */
    public record PersonData(Long id, String username, String displayName, String email, Set<Role> roles,
                             List<Long> unitIds, List<String> unitNames, boolean active, boolean mustChangePassword,
                             boolean locked, OffsetDateTime lockedUntil, OffsetDateTime createdAt, long version) {
    }

    /** A new person: the initial password must pass the policy and is to be changed at the first sign-in. */
    public record NewPerson(String username, String displayName, String email, String initialPassword,
                            Set<Role> roles, Set<Long> unitIds) {
    }

    /** A change to a person's name, e-mail, roles and units (units count only with the LIAISON role). */
    public record PersonChange(Long id, String displayName, String email, Set<Role> roles, Set<Long> unitIds,
                               Long version) {
    }
}
