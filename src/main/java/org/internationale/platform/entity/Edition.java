package org.internationale.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A numbered, immutable edition of the platform. */
@Entity
@Table(name = "platform_edition")
public class Edition {

    @Id
    private int number;

    @Column(name = "published_at", nullable = false)
    private OffsetDateTime publishedAt;

    @Column(name = "published_by", nullable = false)
    private String publishedBy;

    private String note;

    protected Edition() {
        // JPA
    }

    public Edition(int number, Instant publishedAt, String publishedBy, String note) {
        this.number = number;
        this.publishedAt = publishedAt.atOffset(ZoneOffset.UTC);
        this.publishedBy = publishedBy;
        this.note = note;
    }

    public int number() {
        return number;
    }

    public Instant publishedAt() {
        return publishedAt.toInstant();
    }

    public String publishedBy() {
        return publishedBy;
    }

    public String note() {
        return note;
    }
}
