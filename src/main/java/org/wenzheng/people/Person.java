package org.wenzheng.people;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** A member of staff who signs in to the back office. Deactivated, never deleted: their history stays. */
@Entity
@Table(name = "person")
public class Person {

    @Id
    @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 60)
    private String username;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(length = 200)
    private String email;

    /** A Jakarta Security PBKDF2 hash string (algorithm, iterations, salt and hash); never the password. */
    @Column(name = "password_hash", nullable = false, length = 500)
    private String passwordHash;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** Sessions that began at or before this moment are no longer valid ("sign out everywhere"). */
    @Column(name = "sessions_valid_after")
    private OffsetDateTime sessionsValidAfter;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "role", nullable = false, length = 30)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    /** The units a liaison answers for. */
    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "person_unit", joinColumns = @JoinColumn(name = "person_id"),
            inverseJoinColumns = @JoinColumn(name = "unit_id"))
    private Set<Unit> units = new HashSet<>();

    @Version
    private long version;

    protected Person() {
    }

    public Person(String username, String displayName, String passwordHash, OffsetDateTime createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Whether this person may act for the unit as its liaison. */
    public boolean isLiaisonOf(Long unitId) {
        return hasRole(Role.LIAISON) && units.stream().anyMatch(u -> u.getId().equals(unitId));
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public boolean isMustChangePassword() { return mustChangePassword; }
    public void setMustChangePassword(boolean mustChangePassword) { this.mustChangePassword = mustChangePassword; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public int getFailedSignIns() { return failedSignIns; }
    public void setFailedSignIns(int failedSignIns) { this.failedSignIns = failedSignIns; }
    public OffsetDateTime getLockedUntil() { return lockedUntil; }
    public void setLockedUntil(OffsetDateTime lockedUntil) { this.lockedUntil = lockedUntil; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public Set<Role> getRoles() { return roles; }
    public Set<Unit> getUnits() { return units; }
    public OffsetDateTime getSessionsValidAfter() { return sessionsValidAfter; }
    public void setSessionsValidAfter(OffsetDateTime at) { this.sessionsValidAfter = at; }
    public long getVersion() { return version; }
}
