package org.internationale.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A bearer token for automation. Only the SHA-256 of its secret is stored: the secret has 256 random bits, so a
 * fast hash is enough and lets a request find its token by hash; the {@code prefix} lets people tell tokens apart.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 16)
    private String prefix;

    @Column(name = "secret_hash", nullable = false, unique = true, length = 64)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Version
    private long version;

    protected ApiToken() {
        // JPA
    }

    public ApiToken(Account account, String name, String prefix, String secretHash, Instant createdAt, Instant expiresAt) {
        this.account = account;
        this.name = name;
        this.prefix = prefix;
        this.secretHash = secretHash;
        this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
        this.expiresAt = expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC);
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt.toInstant())) && account.active();
    }

    /** Records use, at most once a minute, so that a busy script does not turn every read into a write. */
    public boolean touch(Instant now) {
        if (lastUsedAt == null || lastUsedAt.toInstant().plusSeconds(60).isBefore(now)) {
            lastUsedAt = now.atOffset(ZoneOffset.UTC);
            return true;
        }
        return false;
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at.atOffset(ZoneOffset.UTC);
        }
    }

    public Long id() {
        return id;
    }

    public Account account() {
        return account;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt).map(OffsetDateTime::toInstant);
    }

    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt).map(OffsetDateTime::toInstant);
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt).map(OffsetDateTime::toInstant);
    }
}
