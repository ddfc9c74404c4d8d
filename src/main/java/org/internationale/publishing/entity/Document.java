package org.internationale.publishing.entity;

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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.text.entity.SegmentKey;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** An update, statement, page or newsletter: its workflow state and the languages it is out in. */
@Entity
@Table(name = "document")
public class Document {

    /** What a page's address may be after {@code /pages/}: lower-case letters, digits and hyphens, as typed in both faces. */
    public static final String SLUG = "[a-z0-9][a-z0-9-]{0,99}";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_seq")
    @SequenceGenerator(name = "document_seq", sequenceName = "document_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DocumentType type;

    private String slug;

    @Column(name = "source_language", nullable = false)
    private String sourceLanguage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DocumentState state;

    @Column(name = "publish_at")
    private OffsetDateTime publishAt;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(nullable = false)
    private boolean coordinated;

    /** Counts edits of the document's texts: writers name the one they edited. */
    @Column(nullable = false)
    private int revision;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "document_demand", joinColumns = @JoinColumn(name = "document_id"))
    @Column(name = "clause_id")
    private Set<String> demands = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "document_release_language", joinColumns = @JoinColumn(name = "document_id"))
    @Column(name = "language")
    private Set<String> releaseLanguages = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "document_language", joinColumns = @JoinColumn(name = "document_id"))
    @MapKeyColumn(name = "language")
    @Column(name = "published_at")
    private Map<String, OffsetDateTime> liveLanguages = new HashMap<>();

    protected Document() {
        // JPA
    }

    public Document(DocumentType type, LanguageTag sourceLanguage, String slug, Set<String> demands, String createdBy, Instant at) {
        this.type = type;
        this.sourceLanguage = sourceLanguage.value();
        this.slug = slug;
        this.demands = new HashSet<>(demands);
        this.state = DocumentState.DRAFT;
        this.revision = 1;
        this.createdBy = createdBy;
        this.createdAt = at.atOffset(ZoneOffset.UTC);
    }

    public static SegmentKey key(long id, String part) {
        return new SegmentKey("doc:" + id + "." + part);
    }

    public SegmentKey titleKey() {
        return key(id, "title");
    }

    public SegmentKey summaryKey() {
        return key(id, "summary");
    }

    public SegmentKey bodyKey() {
        return key(id, "body");
    }

    public List<SegmentKey> keys() {
        return List.of(titleKey(), summaryKey(), bodyKey());
    }

    public void edited(Set<String> demands) {
        revision++;
        if (demands != null) {
            this.demands.clear();
            this.demands.addAll(demands);
        }
    }

    public void toReview() {
        state = DocumentState.IN_REVIEW;
    }

    /** Publish at {@code at}: now if it has come, else scheduled. The coordinated languages wait for each other. */
    public void publish(Instant at, Instant now, Set<String> coordinatedLanguages) {
        coordinated = coordinatedLanguages != null && !coordinatedLanguages.isEmpty();
        releaseLanguages.clear();
        if (coordinated) {
            releaseLanguages.addAll(coordinatedLanguages);
        }
        if (at != null && at.isAfter(now)) {
            state = DocumentState.SCHEDULED;
            publishAt = at.atOffset(ZoneOffset.UTC);
            return;
        }
        goLive(now);
    }

    public void goLive(Instant now) {
        state = DocumentState.PUBLISHED;
        publishAt = null;
        if (publishedAt == null) {
            publishedAt = now.atOffset(ZoneOffset.UTC);
        }
        liveLanguages.putIfAbsent(sourceLanguage, now.atOffset(ZoneOffset.UTC));
    }

    /** Languages that went out now; empty if none. */
    public Set<String> release(Set<String> languages, Instant now) {
        Set<String> released = new HashSet<>();
        for (String language : languages) {
            if (liveLanguages.putIfAbsent(language, now.atOffset(ZoneOffset.UTC)) == null) {
                released.add(language);
            }
        }
        return released;
    }

    /** Withdrawn from readers; its texts, translations and history stay. */
    public void unpublish() {
        state = DocumentState.ARCHIVED;
        liveLanguages.clear();
        publishAt = null;
    }

    public boolean isLive() {
        return state == DocumentState.PUBLISHED;
    }

    public boolean isLive(LanguageTag language) {
        return isLive() && liveLanguages.containsKey(language.value());
    }

    public Long id() {
        return id;
    }

    public DocumentType type() {
        return type;
    }

    public Optional<String> slug() {
        return Optional.ofNullable(slug);
    }

    public LanguageTag sourceLanguage() {
        return new LanguageTag(sourceLanguage);
    }

    public DocumentState state() {
        return state;
    }

    public Optional<Instant> publishAt() {
        return Optional.ofNullable(publishAt).map(OffsetDateTime::toInstant);
    }

    public Optional<Instant> publishedAt() {
        return Optional.ofNullable(publishedAt).map(OffsetDateTime::toInstant);
    }

    public boolean coordinated() {
        return coordinated;
    }

    public Set<String> releaseLanguages() {
        return Collections.unmodifiableSet(releaseLanguages);
    }

    public int revision() {
        return revision;
    }

    public Set<String> demands() {
        return Collections.unmodifiableSet(demands);
    }

    /** Language → since when readers get it. */
    public Map<String, Instant> liveLanguages() {
        Map<String, Instant> live = new TreeMap<>();
        liveLanguages.forEach((language, at) -> live.put(language, at.toInstant()));
        return live;
    }

    public String createdBy() {
        return createdBy;
    }
}
