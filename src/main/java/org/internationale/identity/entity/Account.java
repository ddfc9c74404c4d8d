package org.internationale.identity.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** A person who logs in. The password hash never leaves this class except to the identity store. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;

    @Column(name = "password_hash", nullable = false, length = 400)
    private String passwordHash;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_login_at")
    private OffsetDateTime lastLoginAt;

    @Column(name = "deactivated_at")
    private OffsetDateTime deactivatedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    private Set<String> roles = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_language", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "language")
    private Set<String> languages = new HashSet<>();

    protected Account() {
        // JPA
    }

    public Account(String username, String displayName, String email, String passwordHash, Set<String> roles,
                   Set<String> languages, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = new HashSet<>(roles);
        this.languages = new HashSet<>(languages);
        this.active = true;
        this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Optional<Instant> lastLoginAt() {
        return Optional.ofNullable(lastLoginAt).map(OffsetDateTime::toInstant);
    }

    public Optional<Instant> deactivatedAt() {
        return Optional.ofNullable(deactivatedAt).map(OffsetDateTime::toInstant);
    }

    public void describe(String displayName, String email) {
        this.displayName = displayName;
        this.email = email;
    }

    public void grant(Set<String> roles, Set<String> languages) {
        this.roles.clear();
        this.roles.addAll(roles);
        this.languages.clear();
        this.languages.addAll(languages);
    }

    public void deactivate(Instant at) {
        active = false;
        deactivatedAt = at.atOffset(ZoneOffset.UTC);
    }

    public void reactivate() {
        active = true;
        deactivatedAt = null;
    }

    public void loggedIn(Instant at) {
        lastLoginAt = at.atOffset(ZoneOffset.UTC);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public boolean active() {
        return active;
    }

    public Set<String> roles() {
        return Collections.unmodifiableSet(roles);
    }

    public Set<String> languages() {
        return Collections.unmodifiableSet(languages);
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void changePasswordHash(String hash) {
        this.passwordHash = hash;
    }
}
