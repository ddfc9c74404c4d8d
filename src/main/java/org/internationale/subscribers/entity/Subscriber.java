package org.internationale.subscribers.entity;

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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.mailing.entity.EmailAddress;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One address that asked for the newsletter: its languages in order of preference, its topics and its consent. */
@Entity
@Table(name = "subscriber")
public class Subscriber {

    /** A soft bounce is a full mailbox or a server down for a day; this many in a row mean the address is dead. */
    public static final int SOFT_BOUNCES_TO_STOP = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subscriber_seq")
    @SequenceGenerator(name = "subscriber_seq", sequenceName = "subscriber_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String email;

    @Column(name = "email_key", nullable = false)
    private String emailKey;

    /** BCP 47 tags, comma-separated, in the subscriber's order of preference. */
    @Column(nullable = false)
    private String languages;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "subscriber_topic", joinColumns = @JoinColumn(name = "subscriber_id"))
    @Column(name = "topic")
    private Set<String> topics = new TreeSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SubscriberState state;

    @Column(nullable = false)
    private boolean paused;

    @Column(name = "confirm_token_hash")
    private String confirmTokenHash;

    @Column(name = "confirm_expires_at")
    private OffsetDateTime confirmExpiresAt;

    /** Confirmation mails sent for the current request: bounds what a stranger can make us send to an address. */
    @Column(name = "confirm_mails", nullable = false)
    private int confirmMails;

    @Column(name = "last_confirm_mail")
    private OffsetDateTime lastConfirmMail;

    @Column(name = "soft_bounces", nullable = false)
    private int softBounces;

    @Column(name = "stop_reason")
    private String stopReason;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;

    @Column(name = "left_at")
    private OffsetDateTime leftAt;

    @Version
    private long version;

    protected Subscriber() {
        // JPA
    }

    public Subscriber(EmailAddress email, List<LanguageTag> languages, Set<String> topics, Instant now) {
        this.email = email.value();
        this.emailKey = email.key();
        this.state = SubscriberState.PENDING;
        this.createdAt = utc(now);
        choose(languages, topics);
    }

    /** A new request for an address that is pending, has left or was stopped: it starts a fresh double opt-in. */
    public void requestAgain(EmailAddress email, List<LanguageTag> languages, Set<String> topics, Instant now) {
        if (state == SubscriberState.CONFIRMED) {
            throw new IllegalStateException("a confirmed subscriber changes preferences through their own link");
        }
        if (state != SubscriberState.PENDING) {
            confirmMails = 0;
        }
        this.email = email.value();
        this.state = SubscriberState.PENDING;
        this.paused = false;
        this.leftAt = null;
        this.stopReason = null;
        this.softBounces = 0;
        choose(languages, topics);
    }

    /** The width of the {@code languages} column: what {@link #choose} can store. */
    public static final int LANGUAGES_LENGTH = 400;

    /** The languages as the column holds them: canonical tags, comma-separated, in order. */
    public static String joined(List<LanguageTag> languages) {
        return String.join(",", languages.stream().map(LanguageTag::value).toList());
    }

    public void choose(List<LanguageTag> languages, Set<String> topics) {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("at least one language");
        }
        String joined = joined(languages);
        if (joined.length() > LANGUAGES_LENGTH) {
            throw new IllegalArgumentException("the languages take at most " + LANGUAGES_LENGTH + " characters together");
        }
        this.languages = joined;
        this.topics.clear();
        this.topics.addAll(topics);
    }

    /**
     * Whether one more mail may go to this address on a stranger's request: at most {@code perDay} in a day, never
     * two within {@code gap}.
     */
    public boolean mayMail(Instant now, int perDay, Duration gap) {
        if (lastConfirmMail == null) {
            return true;
        }
        Instant last = lastConfirmMail.toInstant();
        if (last.plus(gap).isAfter(now)) {
            return false;
        }
        return last.plus(Duration.ofDays(1)).isBefore(now) || confirmMails < perDay;
    }

    /** Records that a mail answering a subscribe request goes out now, with a confirmation link for {@code tokenHash}. */
    public void mailed(String tokenHash, Instant expiresAt, Instant now) {
        if (lastConfirmMail != null && lastConfirmMail.toInstant().plus(Duration.ofDays(1)).isBefore(now)) {
            confirmMails = 0;
        }
        if (tokenHash != null) {
            this.confirmTokenHash = tokenHash;
            this.confirmExpiresAt = utc(expiresAt);
        }
        this.confirmMails++;
        this.lastConfirmMail = utc(now);
    }

    public boolean confirm(Instant now) {
        if (state != SubscriberState.PENDING || confirmExpiresAt == null || now.isAfter(confirmExpiresAt.toInstant())) {
            return false;
        }
        state = SubscriberState.CONFIRMED;
        confirmedAt = utc(now);
        confirmTokenHash = null;
        confirmExpiresAt = null;
        confirmMails = 0;
        return true;
    }

    public void leave(Instant now) {
        if (state != SubscriberState.LEFT) {
            state = SubscriberState.LEFT;
            leftAt = utc(now);
            confirmTokenHash = null;
        }
    }

    public void pause(boolean paused) {
        this.paused = paused;
    }

    /** @return whether this bounce stopped mailing the address */
    public boolean bounced(boolean hard, String reason) {
        if (hard) {
            softBounces = 0;
        } else {
            softBounces++;
        }
        if ((hard || softBounces >= SOFT_BOUNCES_TO_STOP) && state == SubscriberState.CONFIRMED) {
            state = SubscriberState.STOPPED;
            stopReason = reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason;
            return true;
        }
        return false;
    }

    /** A message got through: soft bounces count only in a row. */
    public void delivered() {
        softBounces = 0;
    }

    public boolean receivesCampaigns() {
        return state == SubscriberState.CONFIRMED && !paused;
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String emailKey() {
        return emailKey;
    }

    public List<LanguageTag> languages() {
        return Arrays.stream(languages.split(",")).map(LanguageTag::of).toList();
    }

    public LanguageTag firstLanguage() {
        return languages().get(0);
    }

    public Set<String> topics() {
        return new LinkedHashSet<>(topics);
    }

    public SubscriberState state() {
        return state;
    }

    public boolean paused() {
        return paused;
    }

    public int confirmMails() {
        return confirmMails;
    }

    public Optional<Instant> lastConfirmMail() {
        return Optional.ofNullable(lastConfirmMail).map(OffsetDateTime::toInstant);
    }

    public Optional<String> confirmTokenHash() {
        return Optional.ofNullable(confirmTokenHash);
    }

    public int softBounces() {
        return softBounces;
    }

    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Optional<Instant> confirmedAt() {
        return Optional.ofNullable(confirmedAt).map(OffsetDateTime::toInstant);
    }

    public Optional<Instant> leftAt() {
        return Optional.ofNullable(leftAt).map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
