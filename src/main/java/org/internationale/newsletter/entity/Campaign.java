package org.internationale.newsletter.entity;

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
import org.internationale.locale.entity.LanguageTag;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One sending of a newsletter to the confirmed subscribers of some topics. The ledger holds the per-person truth. */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_seq")
    @SequenceGenerator(name = "campaign_seq", sequenceName = "campaign_seq", allocationSize = 50)
    private Long id;

    @Column(name = "newsletter_id", nullable = false)
    private long newsletterId;

    @Column(nullable = false)
    private String topics;

    @Column(name = "required_languages", nullable = false)
    private String requiredLanguages;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CampaignState state;

    @Column(name = "send_at")
    private OffsetDateTime sendAt;

    @Column(name = "send_by")
    private OffsetDateTime sendBy;

    /** The site address links in its mail point to, fixed when the campaign is made. */
    @Column(name = "base_url", nullable = false)
    private String baseUrl;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    /** Why it waits or ended as it did, for the editor. */
    private String note;

    @Version
    private long version;

    protected Campaign() {
        // JPA
    }

    public Campaign(long newsletterId, Set<String> topics, Set<LanguageTag> requiredLanguages, Instant sendAt, Instant sendBy,
                    java.net.URI baseUrl, String createdBy, Instant now) {
        if (sendAt != null && sendBy != null && !sendBy.isAfter(sendAt)) {
            throw new IllegalArgumentException("sendBy must be later than at.");
        }
        if (sendBy != null && !sendBy.isAfter(now)) {
            throw new IllegalArgumentException("sendBy has already passed.");
        }
        this.newsletterId = newsletterId;
        this.topics = String.join(",", topics);
        this.requiredLanguages = String.join(",", requiredLanguages.stream().map(LanguageTag::value).toList());
        this.state = CampaignState.DRAFT;
        this.sendAt = sendAt == null ? null : sendAt.atOffset(ZoneOffset.UTC);
        this.sendBy = sendBy == null ? null : sendBy.atOffset(ZoneOffset.UTC);
        this.baseUrl = baseUrl.toString();
        this.createdBy = createdBy;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    /** Asked to send: it waits for its time (and its languages), then goes. */
    public void schedule() {
        require(state == CampaignState.DRAFT, "only a draft campaign can be sent; this one is " + state.label());
        state = CampaignState.SCHEDULED;
    }

    public void waiting(String why) {
        note = why;
    }

    public void start(Instant now) {
        state = CampaignState.SENDING;
        startedAt = now.atOffset(ZoneOffset.UTC);
        note = null;
    }

    public void pause() {
        require(state == CampaignState.SENDING || state == CampaignState.SCHEDULED, "only a sending or scheduled campaign can be paused; this one is " + state.label());
        state = CampaignState.PAUSED;
    }

    public void resume() {
        require(state == CampaignState.PAUSED, "only a paused campaign can be resumed; this one is " + state.label());
        state = startedAt == null ? CampaignState.SCHEDULED : CampaignState.SENDING;
    }

    public void cancel(String why, Instant now) {
        require(!state.finished(), "this campaign is already " + state.label());
        state = CampaignState.CANCELLED;
        note = why;
        finishedAt = now.atOffset(ZoneOffset.UTC);
    }

    public void sent(Instant now) {
        state = CampaignState.SENT;
        finishedAt = now.atOffset(ZoneOffset.UTC);
    }

    public boolean due(Instant now) {
        return sendAt == null || !sendAt.toInstant().isAfter(now);
    }

    public boolean deadlinePassed(Instant now) {
        return sendBy != null && !sendBy.toInstant().isAfter(now);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    public Long id() {
        return id;
    }

    public long newsletterId() {
        return newsletterId;
    }

    public Set<String> topics() {
        return new LinkedHashSet<>(Arrays.asList(topics.split(",")));
    }

    public List<LanguageTag> requiredLanguages() {
        return requiredLanguages.isEmpty() ? List.of() : Arrays.stream(requiredLanguages.split(",")).map(LanguageTag::new).toList();
    }

    public CampaignState state() {
        return state;
    }

    public Optional<Instant> sendAt() {
        return Optional.ofNullable(sendAt).map(OffsetDateTime::toInstant);
    }

    public Optional<Instant> sendBy() {
        return Optional.ofNullable(sendBy).map(OffsetDateTime::toInstant);
    }

    public java.net.URI baseUrl() {
        return java.net.URI.create(baseUrl);
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt).map(OffsetDateTime::toInstant);
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt).map(OffsetDateTime::toInstant);
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }
}
