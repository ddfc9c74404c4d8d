package org.internationale.text.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One immutable version of a segment's source text. */
@Entity
@Table(name = "source_revision")
public class SourceRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "source_revision_seq")
    @SequenceGenerator(name = "source_revision_seq", sequenceName = "source_revision_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "segment_id")
    private Segment segment;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false, columnDefinition = "TEXT")
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind", nullable = false, length = 16)
    private ChangeKind changeKind;

    @Column(nullable = false, length = 100)
    private String author;

    @Column(length = 500)
    private String message;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected SourceRevision() {
        // JPA
    }

    SourceRevision(Segment segment, int number, String text, ChangeKind changeKind, String author, String message, Instant createdAt) {
        this.segment = segment;
        this.number = number;
        this.text = text;
        this.changeKind = changeKind;
        this.author = author;
        this.message = message;
        this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
    }

    public Segment segment() {
        return segment;
    }

    public int number() {
        return number;
    }

    public String text() {
        return text;
    }

    public ChangeKind changeKind() {
        return changeKind;
    }

    public String author() {
        return author;
    }

    public String message() {
        return message;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }
}
