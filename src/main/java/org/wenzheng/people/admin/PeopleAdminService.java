package org.wenzheng.people.admin;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.common.ActionRefused.Kind;
import org.wenzheng.people.PasswordHasher;
import org.wenzheng.people.PasswordPolicy;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;
import org.wenzheng.people.Unit;
import org.wenzheng.people.admin.AdminViews.NewPerson;
import org.wenzheng.people.admin.AdminViews.PersonChange;
import org.wenzheng.people.admin.AdminViews.PersonData;
import org.wenzheng.people.admin.AdminViews.PersonRef;
import org.wenzheng.people.admin.AdminViews.UnitCommand;
import org.wenzheng.people.admin.AdminViews.UnitData;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The administrator's units and people. Every change is audited with its before and after state in the same
 * transaction. Changes to who is an active administrator are serialised by an advisory lock, so that two
 * administrators deactivating each other at once cannot leave none.
 */
@Stateless
@RolesAllowed(Role.ADMIN)
public class PeopleAdminService {

    private static final long ADMIN_LOCK = 0x5A_41_44_4D_49_4EL;
    static final int MAX_LIST = 5000;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext ctx;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    PasswordHasher hasher;

    // --- units ---

    /** All units in tree order (each after its parent, siblings by code), with their liaisons. */
    public List<UnitData> units() {
        List<Unit> all = em.createQuery("select u from Unit u left join fetch u.parent", Unit.class)
                .setMaxResults(MAX_LIST).getResultList();
        Map<Long, List<PersonRef>> liaisons = liaisonsByUnit();
        Map<Long, List<Unit>> children = new HashMap<>();
        List<Unit> roots = new ArrayList<>();
        for (Unit u : all) {
            if (u.getParent() == null) {
                roots.add(u);
            } else {
                children.computeIfAbsent(u.getParent().getId(), k -> new ArrayList<>()).add(u);
            }
        }
        List<UnitData> out = new ArrayList<>();
        roots.sort(Comparator.comparing(Unit::getCode));
        for (Unit root : roots) {
            walk(root, 0, children, liaisons, out);
        }
        return out;
    }

    private void walk(Unit u, int depth, Map<Long, List<Unit>> children, Map<Long, List<PersonRef>> liaisons,
                      List<UnitData> out) {
        out.add(data(u, depth, liaisons.getOrDefault(u.getId(), List.of())));
        List<Unit> kids = new ArrayList<>(children.getOrDefault(u.getId(), List.of()));
        kids.sort(Comparator.comparing(Unit::getCode));
        for (Unit k : kids) {
            walk(k, depth + 1, children, liaisons, out);
        }
    }

    public UnitData unit(Long id) {
        Unit u = findUnit(id);
        return data(u, depthOf(u), liaisonsByUnit().getOrDefault(u.getId(), List.of()));
    }

    /** Adds a unit (id null) or changes one (id and the version the administrator read). */
    public UnitData saveUnit(UnitCommand in) {
        String code = AdminRules.clean(in.code());
        AdminRules.unitProblem(code, in.name(), AdminRules.clean(in.nameEn()), AdminRules.clean(in.headName()),
                AdminRules.clean(in.headEmail()), AdminRules.clean(in.email())).ifPresent(key -> {
                    throw new ActionRefused(Kind.INVALID, key);
                });
        Long existing = em.createQuery("select u.id from Unit u where lower(u.code) = lower(:c)", Long.class)
                .setParameter("c", code).getResultStream().findFirst().orElse(null);
        if (existing != null && !existing.equals(in.id())) {
            throw new ActionRefused(Kind.INVALID, "admin.unit.error.codeTaken", code);
        }
        Unit parent = null;
        if (in.parentId() != null) {
            parent = em.find(Unit.class, in.parentId());
            if (parent == null || !parent.isActive()) {
                throw new ActionRefused(Kind.INVALID, "admin.unit.error.parent");
            }
            if (AdminRules.makesCycle(in.id(), parent.getId(), this::parentIdOf)) {
                throw new ActionRefused(Kind.INVALID, "admin.unit.error.cycle");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Unit unit;
        String before = null;
        if (in.id() == null) {
            unit = new Unit(code, in.name().strip(), AdminRules.clean(in.nameEn()), now);
            em.persist(unit);
        } else {
            unit = findUnit(in.id());
            checkVersion(in.version(), unit.getVersion());
            before = AdminJson.unit(unit);
            unit.rename(code, in.name().strip(), AdminRules.clean(in.nameEn()));
        }
        unit.setParent(parent);
        unit.setHeadName(AdminRules.clean(in.headName()));
        unit.setHeadEmail(AdminRules.clean(in.headEmail()));
        unit.setEmail(AdminRules.clean(in.email()));
        flush();
        record(in.id() == null ? "UNIT_CREATED" : "UNIT_CHANGED", "unit", unit.getId(), before, AdminJson.unit(unit));
        if (in.liaisonIds() != null) {
            return setLiaisons(unit.getId(), in.liaisonIds());
        }
        return unit(unit.getId());
    }

    /** Deactivates a unit (refused while it has active sub-units) or makes it active again. */
    public UnitData setUnitActive(Long id, boolean active) {
        Unit unit = findUnit(id);
        if (unit.isActive() == active) {
            return unit(id);
        }
        if (!active && em.createQuery("select count(u) from Unit u where u.parent = :p and u.active = true", Long.class)
                .setParameter("p", unit).getSingleResult() > 0) {
            throw new ActionRefused(Kind.WRONG_STATE, "admin.unit.error.activeChildren");
        }
        if (active && unit.getParent() != null && !unit.getParent().isActive()) {
            throw new ActionRefused(Kind.WRONG_STATE, "admin.unit.error.parent");
        }
        String before = AdminJson.unit(unit);
        unit.setActive(active);
        flush();
        record(active ? "UNIT_REACTIVATED" : "UNIT_DEACTIVATED", "unit", id, before, AdminJson.unit(unit));
        return unit(id);
    }

    /** Makes exactly these people (active, with the LIAISON role) the unit's liaisons. */
    public UnitData setLiaisons(Long unitId, Set<Long> personIds) {
        Unit unit = findUnit(unitId);
        Set<Long> wanted = personIds == null ? Set.of() : personIds;
        List<Person> current = em.createQuery("select p from Person p join p.units u where u = :unit", Person.class)
                .setParameter("unit", unit).getResultList();
        for (Long pid : wanted) {
            Person p = findPerson(pid);
            if (!p.isActive() || !p.hasRole(Role.LIAISON)) {
                throw new ActionRefused(Kind.INVALID, "admin.unit.error.notLiaison", p.getDisplayName());
            }
        }
        for (Person p : current) {
            if (!wanted.contains(p.getId())) {
                if (p.isActive() && p.getUnits().size() == 1) {
                    throw new ActionRefused(Kind.INVALID, "admin.unit.error.lastUnitOfLiaison", p.getDisplayName());
                }
                change(p, q -> q.getUnits().remove(unit));
            }
        }
        for (Long pid : wanted) {
            Person p = findPerson(pid);
            if (!p.getUnits().contains(unit)) {
                change(p, q -> q.getUnits().add(unit));
            }
        }
        flush();
        return unit(unitId);
    }

    // --- people ---

    public List<PersonData> people() {
        return em.createQuery("select p from Person p order by p.active desc, p.username", Person.class)
                .setMaxResults(MAX_LIST).getResultList().stream().map(this::data).toList();
    }

    public PersonData person(Long id) {
        return data(findPerson(id));
    }

    /** Active people with the LIAISON role, for binding to units. */
    public List<PersonRef> liaisons() {
        return em.createQuery("select p from Person p join p.roles r where r = :r and p.active = true order by p.username",
                        Person.class).setParameter("r", Role.LIAISON).setMaxResults(MAX_LIST).getResultList()
                .stream().map(p -> new PersonRef(p.getId(), p.getUsername(), p.getDisplayName())).toList();
    }

    /** Active people, for choosing a token's system account. */
    public List<PersonRef> activePeople() {
        return em.createQuery("select p from Person p where p.active = true order by p.username", Person.class)
                .setMaxResults(MAX_LIST).getResultList()
                .stream().map(p -> new PersonRef(p.getId(), p.getUsername(), p.getDisplayName())).toList();
    }

    public PersonData createPerson(NewPerson in) {
        String username = in.username() == null ? null : in.username().strip().toLowerCase(java.util.Locale.ROOT);
        if (username == null || username.isEmpty()) {
            throw new ActionRefused(Kind.INVALID, "admin.person.error.username");
        }
        Set<Role> roles = roles(in.roles());
        AdminRules.personProblem(username, in.displayName(), in.email(), roles, in.unitIds()).ifPresent(key -> {
            throw new ActionRefused(Kind.INVALID, key);
        });
        if (em.createQuery("select count(p) from Person p where lower(p.username) = :u", Long.class)
                .setParameter("u", username).getSingleResult() > 0) {
            throw new ActionRefused(Kind.INVALID, "admin.person.error.usernameTaken", username);
        }
        PasswordPolicy.problem(in.initialPassword(), username, in.displayName()).ifPresent(key -> {
            throw new ActionRefused(Kind.INVALID, key);
        });
        Person p = new Person(username, in.displayName().strip(), hasher.hash(in.initialPassword()),
                OffsetDateTime.now(clock));
        p.setEmail(AdminRules.clean(in.email()));
        p.setMustChangePassword(true);
        p.getRoles().addAll(roles);
        if (roles.contains(Role.LIAISON)) {
            p.getUnits().addAll(units(in.unitIds()));
        }
        em.persist(p);
        flush();
        record("PERSON_CREATED", "person", p.getId(), null, AdminJson.person(p));
        return data(p);
    }

    /** Changes a person's name, e-mail, roles and units; guarded so that an active administrator always remains. */
    public PersonData changePerson(PersonChange in) {
        Person p = findPerson(in.id());
        checkVersion(in.version(), p.getVersion());
        Set<Role> roles = roles(in.roles());
        AdminRules.personProblem(null, in.displayName(), in.email(), roles, in.unitIds()).ifPresent(key -> {
            throw new ActionRefused(Kind.INVALID, key);
        });
        guardAdmins(p, p.isActive() && roles.contains(Role.ADMINISTRATOR));
        Set<Unit> units = roles.contains(Role.LIAISON) ? units(in.unitIds()) : Set.of();
        String before = AdminJson.person(p);
        p.setDisplayName(in.displayName().strip());
        p.setEmail(AdminRules.clean(in.email()));
        p.getRoles().clear();
        p.getRoles().addAll(roles);
        p.getUnits().clear();
        p.getUnits().addAll(units);
        flush();
        record("PERSON_CHANGED", "person", p.getId(), before, AdminJson.person(p));
        return data(p);
    }

    /**
     * Deactivates a person (their sessions end at the next request, their API tokens are revoked, their history
     * stays) or makes them active again.
     */
    public PersonData setPersonActive(Long id, boolean active) {
        Person p = findPerson(id);
        if (p.isActive() == active) {
            return data(p);
        }
        if (!active) {
            guardAdmins(p, false);
        }
        String before = AdminJson.person(p);
        p.setActive(active);
        if (!active) {
            p.setSessionsValidAfter(now());
        }
        flush();
        record(active ? "PERSON_REACTIVATED" : "PERSON_DEACTIVATED", "person", id, before, AdminJson.person(p));
        return data(p);
    }

    /** Ends a lockout after too many failed sign-ins. */
    public PersonData unlock(Long id) {
        Person p = findPerson(id);
        String before = AdminJson.person(p);
        p.setLockedUntil(null);
        p.setFailedSignIns(0);
        flush();
        record("PERSON_UNLOCKED", "person", id, before, AdminJson.person(p));
        return data(p);
    }

    /**
     * Sets a temporary password (checked by the policy) that must be changed at the next sign-in; ends the person's
     * sessions and any lockout.
     */
    public PersonData resetPassword(Long id, String temporaryPassword) {
        Person p = findPerson(id);
        PasswordPolicy.problem(temporaryPassword, p.getUsername(), p.getDisplayName()).ifPresent(key -> {
            throw new ActionRefused(Kind.INVALID, key);
        });
        String before = AdminJson.person(p);
        p.setPasswordHash(hasher.hash(temporaryPassword));
        p.setMustChangePassword(true);
        p.setLockedUntil(null);
        p.setFailedSignIns(0);
        p.setSessionsValidAfter(now());
        flush();
        record("PASSWORD_RESET", "person", id, before, AdminJson.person(p));
        return data(p);
    }

    /** Ends every back-office session of the person (they must sign in again). */
    public PersonData endSessions(Long id) {
        Person p = findPerson(id);
        String before = AdminJson.person(p);
        p.setSessionsValidAfter(now());
        flush();
        record("SESSIONS_ENDED", "person", id, before, AdminJson.person(p));
        return data(p);
    }

    // --- helpers ---

    private void guardAdmins(Person p, boolean staysActiveAdmin) {
        boolean wasActiveAdmin = p.isActive() && p.hasRole(Role.ADMINISTRATOR);
        if (!wasActiveAdmin || staysActiveAdmin) {
            return;
        }
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, ADMIN_LOCK).getSingleResult();
        long others = em.createQuery("""
                        select count(distinct p) from Person p join p.roles r
                        where r = :admin and p.active = true and p.id <> :id""", Long.class)
                .setParameter("admin", Role.ADMINISTRATOR).setParameter("id", p.getId()).getSingleResult();
        AdminRules.adminGuard(true, false, others).ifPresent(key -> {
            throw new ActionRefused(Kind.WRONG_STATE, key);
        });
    }

    private void change(Person p, Consumer<Person> edit) {
        String before = AdminJson.person(p);
        edit.accept(p);
        record("PERSON_CHANGED", "person", p.getId(), before, AdminJson.person(p));
    }

    private Set<Role> roles(Set<Role> in) {
        return in == null || in.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(in);
    }

    private Set<Unit> units(Set<Long> ids) {
        Set<Unit> out = new HashSet<>();
        for (Long id : ids == null ? Set.<Long>of() : ids) {
            Unit u = id == null ? null : em.find(Unit.class, id);
            if (u == null || !u.isActive()) {
                throw new ActionRefused(Kind.INVALID, "admin.person.error.unit");
            }
            out.add(u);
        }
        return out;
    }

    private Long parentIdOf(Long unitId) {
        Unit u = em.find(Unit.class, unitId);
        return u == null || u.getParent() == null ? null : u.getParent().getId();
    }

    private int depthOf(Unit u) {
        int depth = 0;
        for (Unit at = u.getParent(); at != null && depth < 100; at = at.getParent()) {
            depth++;
        }
        return depth;
    }

    private Map<Long, List<PersonRef>> liaisonsByUnit() {
        Map<Long, List<PersonRef>> out = new HashMap<>();
        List<Object[]> rows = em.createQuery("""
                        select u.id, p.id, p.username, p.displayName from Person p join p.units u
                        where p.active = true order by p.username""", Object[].class)
                .setMaxResults(MAX_LIST * 4).getResultList();
        for (Object[] r : rows) {
            out.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                    .add(new PersonRef((Long) r[1], (String) r[2], (String) r[3]));
        }
        return out;
    }

    private Unit findUnit(Long id) {
        Unit u = id == null ? null : em.find(Unit.class, id);
        if (u == null) {
            throw new ActionRefused(Kind.NOT_FOUND, "admin.unit.error.notFound");
        }
        return u;
    }

    private Person findPerson(Long id) {
        Person p = id == null ? null : em.find(Person.class, id);
        if (p == null) {
            throw new ActionRefused(Kind.NOT_FOUND, "admin.person.error.notFound");
        }
        return p;
    }

    private static void checkVersion(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw new ActionRefused(Kind.CONFLICT, "admin.error.changed");
        }
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ActionRefused(Kind.CONFLICT, "admin.error.changed");
        }
    }

    private void record(String action, String type, Long id, String before, String after) {
        audit.record(ctx.getCallerPrincipal().getName(), Role.ADMIN, action, type, id, before, after);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private UnitData data(Unit u, int depth, List<PersonRef> liaisons) {
        return new UnitData(u.getId(), u.getCode(), u.getName(), u.getNameEn(),
                u.getParent() == null ? null : u.getParent().getId(),
                u.getParent() == null ? null : u.getParent().getName(), u.getHeadName(), u.getHeadEmail(),
                u.getEmail(), u.isActive(), depth, liaisons, u.getVersion());
    }

    private PersonData data(Person p) {
        List<Unit> units = p.getUnits().stream().sorted(Comparator.comparing(Unit::getCode)).toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean locked = p.getLockedUntil() != null && p.getLockedUntil().isAfter(now);
        return new PersonData(p.getId(), p.getUsername(), p.getDisplayName(), p.getEmail(),
                p.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(p.getRoles()),
                units.stream().map(Unit::getId).toList(), units.stream().map(Unit::getName).toList(), p.isActive(),
                p.isMustChangePassword(), locked, locked ? p.getLockedUntil() : null, p.getCreatedAt(),
                p.getVersion());
    }
}
