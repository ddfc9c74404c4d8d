package org.internationale.translation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * An approved term of one language: how a source term is translated, or that it is never translated (names of
 * organisations, "Medicare for All Act").
 */
@Entity
@Table(name = "glossary_term")
public class GlossaryTerm {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "glossary_term_seq")
    @SequenceGenerator(name = "glossary_term_seq", sequenceName = "glossary_term_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String language;

    @Column(name = "source_term", nullable = false)
    private String sourceTerm;

    @Column(name = "target_term")
    private String targetTerm;

    @Column(name = "do_not_translate", nullable = false)
    private boolean doNotTranslate;

    private String note;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected GlossaryTerm() {
        // JPA
    }

    public GlossaryTerm(String language, String sourceTerm, String targetTerm, boolean doNotTranslate, String note,
                        String createdBy, Instant createdAt) {
        this.language = language;
        this.sourceTerm = sourceTerm;
        this.targetTerm = doNotTranslate ? sourceTerm : targetTerm;
        this.doNotTranslate = doNotTranslate;
        this.note = note;
        this.createdBy = createdBy;
        this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
    }

    public Long id() {
        return id;
    }

    public String language() {
        return language;
    }

    public String sourceTerm() {
        return sourceTerm;
    }

    /** What the translation must contain when the source term occurs: the approved term, or the source term itself. */
    public String expected() {
        return doNotTranslate ? sourceTerm : targetTerm;
    }

    public boolean doNotTranslate() {
        return doNotTranslate;
    }

    public String note() {
        return note;
    }

    public String createdBy() {
        return createdBy;
    }
}
