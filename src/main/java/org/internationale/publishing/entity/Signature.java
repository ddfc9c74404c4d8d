package org.internationale.publishing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/** An organisation's signature on a statement. */
@Entity
@Table(name = "signature")
public class Signature {

    /** The longest organisation and country a signature keeps: the same for the form and the API. */
    public static final int MAX_ORGANISATION = 200;
    public static final int MAX_COUNTRY = 100;

    public enum Moderation {
        PENDING, APPROVED, REJECTED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "signature_seq")
    @SequenceGenerator(name = "signature_seq", sequenceName = "signature_seq", allocationSize = 50)
    private Long id;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(nullable = false)
    private String organisation;

    @Column(nullable = false)
    private String country;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String language;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "token_expires_at", nullable = false)
    private OffsetDateTime tokenExpiresAt;

    @Column(name = "statement_revision", nullable = false)
    private int statementRevision;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Moderation moderation;

    @Column(name = "moderated_by")
    private String moderatedBy;

    @Column(name = "moderated_at")
    private OffsetDateTime moderatedAt;

    @Version
    private long version;

    protected Signature() {
        // JPA
    }

    public Signature(long documentId, String organisation, String country, String email, String language, String tokenHash,
                     Instant tokenExpiresAt, int statementRevision, Instant createdAt) {
        this.documentId = documentId;
        this.organisation = organisation;
        this.country = country;
        this.email = email;
        this.language = language;
        this.tokenHash = tokenHash;
        this.tokenExpiresAt = tokenExpiresAt.atOffset(ZoneOffset.UTC);
        this.statementRevision = statementRevision;
        this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
        this.moderation = Moderation.PENDING;
    }

    /** @return false when the link has expired */
    public boolean confirm(Instant now) {
        if (confirmedAt != null) {
            return true;
        }
        if (now.isAfter(tokenExpiresAt.toInstant())) {
            return false;
        }
        confirmedAt = now.atOffset(ZoneOffset.UTC);
        return true;
    }

    public void moderate(Moderation decision, String editor, Instant at) {
        moderation = decision;
        moderatedBy = editor;
        moderatedAt = at.atOffset(ZoneOffset.UTC);
    }

    public Long id() {
        return id;
    }

    public long documentId() {
        return documentId;
    }

    public String organisation() {
        return organisation;
    }

    public String country() {
        return country;
    }

    public String email() {
        return email;
    }

    public String language() {
        return language;
    }

    public int statementRevision() {
        return statementRevision;
    }

    public Optional<Instant> confirmedAt() {
        return Optional.ofNullable(confirmedAt).map(OffsetDateTime::toInstant);
    }

    public Moderation moderation() {
        return moderation;
    }

    public boolean shown() {
        return confirmedAt != null && moderation == Moderation.APPROVED;
    }
}
