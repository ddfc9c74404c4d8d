package org.internationale.text.entity;

import jakarta.persistence.CascadeType;
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

/** A segment's text in one language: an append-only history of revisions and a review state. */
@Entity
@Table(name = "translation")
public class Translation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "translation_seq")
    @SequenceGenerator(name = "translation_seq", sequenceName = "translation_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "segment_id")
    private Segment segment;

    @Column(nullable = false, length = 64)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_state", nullable = false, length = 16)
    private ReviewState reviewState;

    @Column(name = "reviewed_by", length = 64)
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private java.time.OffsetDateTime reviewedAt;

    @Column(name = "review_comment", length = 2000)
    private String reviewComment;

    @Column(name = "approved_revision")
    private Integer approvedRevision;

    @Version
    private long version;

    @OneToMany(mappedBy = "translation", cascade = CascadeType.PERSIST)
    @OrderBy("number ASC")
    private List<TranslationRevision> revisions = new ArrayList<>();

    protected Translation() {
        // JPA
    }

    public Translation(Segment segment, LanguageTag language) {
        this.segment = segment;
        this.language = language.value();
        this.reviewState = ReviewState.DRAFT;
    }

    public Long id() {
        return id;
    }

    public Segment segment() {
        return segment;
    }

    public LanguageTag language() {
        return new LanguageTag(language);
    }

    public ReviewState reviewState() {
        return reviewState;
    }

    /** The history, oldest first; sorted here for the reason {@link Segment#revisions()} gives. */
    public List<TranslationRevision> revisions() {
        return revisions.stream().sorted(Comparator.comparingInt(TranslationRevision::number)).toList();
    }

    public TranslationRevision latest() {
        return revisions.stream().max(Comparator.comparingInt(TranslationRevision::number))
                .orElseThrow(() -> new IllegalStateException("translation has no text yet"));
    }

    /** The translator asks a reviewer to look at the latest revision. */
    public void submit() {
        reviewState = ReviewState.SUBMITTED;
        reviewComment = null;
    }

    /** A reviewer accepted the latest revision: readers get it from now on. */
    public void approve(String reviewer, Instant at) {
        reviewState = ReviewState.APPROVED;
        approvedRevision = latest().number();
        reviewedBy = reviewer;
        reviewedAt = at.atOffset(java.time.ZoneOffset.UTC);
        reviewComment = null;
    }

    /**
     * Takes back an approval no person gave (a file imported when files counted as reviewed) once the file no longer
     * records a review: the text waits for a reviewer and readers see it as not reviewed. An approval a reviewer gave
     * stays.
     *
     * @return whether an approval was taken back
     */
    public boolean withdrawUnattributedApproval() {
        if (approvedRevision == null || reviewedBy != null) {
            return false;
        }
        approvedRevision = null;
        reviewState = ReviewState.SUBMITTED;
        return true;
    }

    /** A reviewer sends the latest revision back to the translator, saying why. */
    public void sendBack(String reviewer, String comment, Instant at) {
        reviewState = ReviewState.DRAFT;
        reviewedBy = reviewer;
        reviewedAt = at.atOffset(java.time.ZoneOffset.UTC);
        reviewComment = comment;
    }

    /** The revision readers get: the last approved one, even while a newer draft waits for review. */
    public Optional<TranslationRevision> approved() {
        if (approvedRevision == null) {
            return Optional.empty();
        }
        return revisions.stream().filter(r -> r.number() == approvedRevision).findFirst();
    }

    public Optional<String> reviewedBy() {
        return Optional.ofNullable(reviewedBy);
    }

    public Optional<Instant> reviewedAt() {
        return Optional.ofNullable(reviewedAt).map(java.time.OffsetDateTime::toInstant);
    }

    public Optional<String> reviewComment() {
        return Optional.ofNullable(reviewComment);
    }

    /**
     * Appends a revision unless text, base and state are what the translation already has. The new revision has the
     * given review state; an earlier approved revision stays the one readers get until this one is approved.
     */
    public Optional<TranslationRevision> revise(String text, int basedOnRevision, LanguageTag translatedFrom,
                                                String author, String message, ReviewState state, Instant at) {
        if (!revisions.isEmpty()) {
            TranslationRevision latest = latest();
            if (latest.text().equals(text) && latest.basedOnRevision() == basedOnRevision && reviewState == state) {
                return Optional.empty();
            }
        }
        TranslationRevision revision = new TranslationRevision(this, revisions.size() + 1, text, basedOnRevision,
                translatedFrom == null ? null : translatedFrom.value(), author, message, at);
        revisions.add(revision);
        reviewState = state;
        if (state == ReviewState.APPROVED) {
            approvedRevision = revision.number();
        }
        return Optional.of(revision);
    }
}
