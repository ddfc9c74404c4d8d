package org.internationale.text.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.internationale.locale.entity.LanguageTag;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * One immutable version of a translation, pinned to the source revision it was made from
 * ({@code basedOnRevision}; 0 when the source it was made from is not in the history, which makes it outdated)
 * and to the language it was translated from when that was not the source (a pivot).
 */
@Entity
@Table(name = "translation_revision")
public class TranslationRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "translation_revision_seq")
    @SequenceGenerator(name = "translation_revision_seq", sequenceName = "translation_revision_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "translation_id")
    private Translation translation;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false, columnDefinition = "TEXT")
    private String text;

    @Column(name = "based_on_revision", nullable = false)
    private int basedOnRevision;

    @Column(name = "translated_from", length = 64)
    private String translatedFrom;

    @Column(nullable = false, length = 100)
    private String author;

    @Column(length = 500)
    private String message;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected TranslationRevision() {
        // JPA
    }

    TranslationRevision(Translation translation, int number, String text, int basedOnRevision, String translatedFrom,
                        String author, String message, Instant createdAt) {
        this.translation = translation;
        this.number = number;
        this.text = text;
        this.basedOnRevision = basedOnRevision;
        this.translatedFrom = translatedFrom;
        this.author = author;
        this.message = message;
        this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
    }

    public int number() {
        return number;
    }

    public String text() {
        return text;
    }

    public int basedOnRevision() {
        return basedOnRevision;
    }

    public Optional<LanguageTag> translatedFrom() {
        return Optional.ofNullable(translatedFrom).map(LanguageTag::new);
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
