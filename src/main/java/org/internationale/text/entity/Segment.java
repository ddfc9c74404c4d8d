package org.internationale.text.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.internationale.locale.entity.LanguageTag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A piece of translatable text: its source language and the append-only history of its source text. */
@Entity
@Table(name = "segment")
public class Segment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "segment_seq")
    @SequenceGenerator(name = "segment_seq", sequenceName = "segment_seq", allocationSize = 50)
    private Long id;

    @Column(name = "segment_key", nullable = false, unique = true, length = 200)
    private String key;

    @Column(name = "source_language", nullable = false, length = 64)
    private String sourceLanguage;

    @Column(name = "retired_at")
    private java.time.OffsetDateTime retiredAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "segment", cascade = CascadeType.PERSIST)
    @OrderBy("number ASC")
    private List<SourceRevision> revisions = new ArrayList<>();

    protected Segment() {
        // JPA
    }

    public Segment(SegmentKey key, LanguageTag sourceLanguage) {
        this.key = key.value();
        this.sourceLanguage = sourceLanguage.value();
    }

    public Long id() {
        return id;
    }

    public SegmentKey key() {
        return new SegmentKey(key);
    }

    public LanguageTag sourceLanguage() {
        return new LanguageTag(sourceLanguage);
    }

    /**
     * The history, oldest first. Sorted here rather than trusted to {@code @OrderBy}: a query that fetches the
     * revisions with a join gets them in whatever order the database's plan returns its rows (on PostgreSQL, a plan
     * that found segments by id returned them unordered, and the last one in the list was not the latest).
     */
    public List<SourceRevision> revisions() {
        return revisions.stream().sorted(Comparator.comparingInt(SourceRevision::number)).toList();
    }

    public SourceRevision latest() {
        return revisions.stream().max(Comparator.comparingInt(SourceRevision::number))
                .orElseThrow(() -> new IllegalStateException("segment " + key + " has no source text"));
    }

    public Optional<SourceRevision> revision(int number) {
        return revisions.stream().filter(r -> r.number() == number).findFirst();
    }

    /** The newest revision that changed the meaning; translations based on anything older are outdated. */
    public int lastMeaningRevision() {
        return revisions.stream().filter(r -> r.changeKind() == ChangeKind.MEANING).mapToInt(SourceRevision::number).max().orElse(0);
    }

    /**
     * Appends a revision; returns empty when the text is unchanged, so re-saving or re-importing the same
     * text never grows the history.
     */
    public Optional<SourceRevision> revise(String text, ChangeKind kind, String author, String message, Instant at) {
        if (!revisions.isEmpty() && latest().text().equals(text)) {
            return Optional.empty();
        }
        // the first revision always brings meaning: there was nothing to translate before it
        ChangeKind effective = revisions.isEmpty() ? ChangeKind.MEANING : kind;
        SourceRevision revision = new SourceRevision(this, revisions.size() + 1, text, effective, author, message, at);
        revisions.add(revision);
        return Optional.of(revision);
    }

    /** No longer shown anywhere: kept with its history, no longer offered to translators. */
    public void retire(Instant at) {
        retiredAt = at.atOffset(java.time.ZoneOffset.UTC);
    }

    public void reinstate() {
        retiredAt = null;
    }

    public boolean retired() {
        return retiredAt != null;
    }

    /** The state of a translation's latest revision. */
    public TranslationState stateOf(Translation translation) {
        if (translation == null || translation.revisions().isEmpty()) {
            return TranslationState.MISSING;
        }
        return stateOf(translation.latest());
    }

    /** Outdated when a meaning change of the source came after the revision this one was made from. */
    public TranslationState stateOf(TranslationRevision revision) {
        return revision.basedOnRevision() >= lastMeaningRevision() ? TranslationState.CURRENT : TranslationState.OUTDATED;
    }
}
