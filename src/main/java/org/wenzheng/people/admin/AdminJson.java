package org.wenzheng.people.admin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;
import org.wenzheng.people.Unit;

import java.util.Comparator;

/** The before/after states the audit trail keeps for administrative changes. Never a password or its hash. */
final class AdminJson {

    private AdminJson() {
    }

    static String unit(Unit u) {
        if (u == null) {
            return null;
        }
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("code", u.getCode()).add("name", u.getName());
        opt(b, "nameEn", u.getNameEn());
        if (u.getParent() != null) {
            b.add("parentId", u.getParent().getId());
        }
        opt(b, "headName", u.getHeadName());
        opt(b, "headEmail", u.getHeadEmail());
        opt(b, "email", u.getEmail());
        return b.add("active", u.isActive()).build().toString();
    }

    static String person(Person p) {
        if (p == null) {
            return null;
        }
        JsonArrayBuilder roles = Json.createArrayBuilder();
        p.getRoles().stream().sorted().map(Role::name).forEach(roles::add);
        JsonArrayBuilder units = Json.createArrayBuilder();
        p.getUnits().stream().sorted(Comparator.comparing(Unit::getId)).forEach(u -> units.add(u.getId()));
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("username", p.getUsername()).add("displayName", p.getDisplayName());
        opt(b, "email", p.getEmail());
        b.add("roles", roles).add("units", units).add("active", p.isActive())
                .add("mustChangePassword", p.isMustChangePassword());
        if (p.getLockedUntil() != null) {
            b.add("lockedUntil", p.getLockedUntil().toString());
        }
        if (p.getSessionsValidAfter() != null) {
            b.add("sessionsValidAfter", p.getSessionsValidAfter().toString());
        }
        return b.build().toString();
    }

    private static void opt(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }
}
