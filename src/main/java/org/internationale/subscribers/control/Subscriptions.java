package org.internationale.subscribers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.Language;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.mailing.control.Mailer;
import org.internationale.mailing.entity.EmailAddress;
import org.internationale.mailing.entity.Mail;
import org.internationale.mailing.entity.RecipientBounced;
import org.internationale.mailing.entity.SubscriberErased;
import org.internationale.mailing.entity.SubscriptionEnded;
import org.internationale.mailing.entity.UnsubscribeMailed;
import org.internationale.site.control.UiStrings;
import org.internationale.subscribers.entity.Preferences;
import org.internationale.subscribers.entity.Subscriber;
import org.internationale.subscribers.entity.SubscriberState;
import org.internationale.system.entity.SecretToken;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Joining, confirming (double opt-in), changing preferences and leaving. A subscribe request never tells the caller
 * whether the address is known: the answer is always the same, and only the mailbox's owner learns anything, by mail.
 * Mail to one address is bounded — {@value #CONFIRM_MAILS_PER_DAY} confirmation mails a day, one every
 * {@link #CONFIRM_MAIL_GAP} at most — so the form cannot be turned against a stranger's inbox.
 */
@ApplicationScoped
public class Subscriptions {

    static final Duration CONFIRM_LINK_LIFETIME = Duration.ofDays(7);
    static final int CONFIRM_MAILS_PER_DAY = 3;
    static final Duration CONFIRM_MAIL_GAP = Duration.ofMinutes(2);
    static final int MAX_LANGUAGES = 10;
    private static final Logger LOG = Logger.getLogger(Subscriptions.class.getName());

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @Inject
    LanguageRegistry languages;

    @Inject
    Topics topics;

    @Inject
    UiStrings ui;

    @Inject
    Mailer mailer;

    @Inject
    SubscriberLinks links;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<SubscriberErased> erased;

    @Inject
    jakarta.enterprise.event.Event<SubscriptionEnded> ended;

    /** What someone asked for on the form or the API, checked. */
    public record Request(EmailAddress email, List<LanguageTag> languages, Set<String> topics) {
    }

    /** Checks a request; {@link IllegalArgumentException} with a message for the person when it is wrong. */
    public Request request(String email, List<String> languageTags, List<String> topicNames) {
        EmailAddress address = EmailAddress.parse(email);
        return new Request(address, languages(languageTags), topics.parse(topicNames));
    }

    /** The languages a subscriber reads, in order: any well-formed BCP 47 tag, offered or not yet. */
    public List<LanguageTag> languages(List<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return List.of(languages.source());
        }
        if (tags.size() > MAX_LANGUAGES) {
            throw new IllegalArgumentException("At most " + MAX_LANGUAGES + " languages.");
        }
        Set<LanguageTag> ordered = new LinkedHashSet<>();
        for (String tag : tags) {
            LanguageTag parsed = LanguageTag.of(tag);
            ordered.add(languages.resolve(parsed).orElse(parsed));
        }
        List<LanguageTag> chosen = new ArrayList<>(ordered);
        // checked here, before anything is stored or mailed: a list the column cannot hold must not get that far
        if (Subscriber.joined(chosen).length() > Subscriber.LANGUAGES_LENGTH) {
            throw new IllegalArgumentException("The languages take at most " + Subscriber.LANGUAGES_LENGTH
                    + " characters together; choose fewer or shorter tags.");
        }
        return chosen;
    }

    /**
     * Starts (or restarts) the double opt-in for {@code request}; a confirmed subscriber instead gets a mail with
     * their preference link, so a stranger can never change someone's settings.
     */
    @Transactional
    public void subscribe(Request request, URI base) {
        Instant now = clock.instant();
        Optional<Subscriber> known = byAddress(request.email());
        if (known.isPresent() && known.get().state() == SubscriberState.CONFIRMED) {
            Subscriber subscriber = known.get();
            if (subscriber.mayMail(now, CONFIRM_MAILS_PER_DAY, CONFIRM_MAIL_GAP)) {
                subscriber.mailed(null, null, now);
                LanguageTag language = subscriber.firstLanguage();
                mailer.send(new Mail(subscriber.email(), ui.text("mail.already.subject", language),
                        ui.text("mail.already.body", language, "link", links.preferences(base, subscriber.id()).toString()),
                        null, language.value(), Map.of("Auto-Submitted", "auto-generated")));
            }
            return;
        }
        Subscriber subscriber = known.orElse(null);
        if (subscriber == null) {
            subscriber = new Subscriber(request.email(), request.languages(), request.topics(), now);
            em.persist(subscriber);
        } else {
            subscriber.requestAgain(request.email(), request.languages(), request.topics(), now);
        }
        if (!subscriber.mayMail(now, CONFIRM_MAILS_PER_DAY, CONFIRM_MAIL_GAP)) {
            LOG.info(() -> "Confirmation mail limit reached for a subscriber; request recorded, no mail sent");
            return;
        }
        String token = token();
        subscriber.mailed(hash(token), now.plus(CONFIRM_LINK_LIFETIME), now);
        // whatever the database refuses is refused before the mail leaves, not after
        em.flush();
        LanguageTag language = subscriber.firstLanguage();
        String link = base.resolve("subscriptions/confirm?token=" + token).toString();
        mailer.send(new Mail(subscriber.email(), ui.text("mail.confirm.subject", language),
                ui.text("mail.confirm.body", language, "days", CONFIRM_LINK_LIFETIME.toDays(), "link", link),
                null, language.value(), Map.of("Auto-Submitted", "auto-generated")));
    }

    /** The subscriber a confirmation link stands for, while it can still be used. Changes nothing. */
    public Optional<Subscriber> pending(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return em.createQuery("select s from Subscriber s where s.confirmTokenHash = :hash", Subscriber.class)
                .setParameter("hash", hash(token)).getResultStream().findFirst()
                .filter(s -> s.state() == SubscriberState.PENDING);
    }

    @Transactional
    public Optional<Subscriber> confirm(String token) {
        return pending(token).filter(s -> s.confirm(clock.instant()));
    }

    /** The subscriber a signed link stands for. */
    public Optional<Subscriber> bySignedLink(SubscriberLinks.Purpose purpose, String id, String signature) {
        long subscriberId;
        try {
            subscriberId = Long.parseLong(id == null ? "" : id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!links.verify(purpose, subscriberId, signature)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Subscriber.class, subscriberId));
    }

    public Optional<Subscriber> find(long id) {
        return Optional.ofNullable(em.find(Subscriber.class, id));
    }

    @Transactional
    public Optional<Subscriber> leave(long id) {
        Optional<Subscriber> subscriber = Optional.ofNullable(em.find(Subscriber.class, id));
        subscriber.ifPresent(s -> {
            s.leave(clock.instant());
            ended.fire(new SubscriptionEnded(id));
        });
        return subscriber;
    }

    @Transactional
    public Subscriber choose(long id, List<LanguageTag> chosenLanguages, Set<String> chosenTopics, boolean paused) {
        Subscriber subscriber = em.find(Subscriber.class, id);
        subscriber.choose(chosenLanguages, chosenTopics);
        subscriber.pause(paused);
        if (paused) {
            ended.fire(new SubscriptionEnded(id));
        }
        return subscriber;
    }

    /** Stops mailing an address after a permanent bounce or too many temporary ones. */
    @Transactional
    public boolean bounced(long id, boolean hard, String reason) {
        Subscriber subscriber = em.find(Subscriber.class, id);
        boolean stopped = subscriber != null && subscriber.bounced(hard, reason);
        if (stopped) {
            ended.fire(new SubscriptionEnded(id));
        }
        return stopped;
    }

    /** A first report of a bounce counts against the address; enough of them stop its mail. */
    @Transactional
    void onBounced(@Observes RecipientBounced bounce) {
        if (bounced(bounce.subscriberId(), bounce.hard(), bounce.reason())) {
            LOG.info(() -> "Mail to subscriber " + bounce.subscriberId() + " stopped after bounces");
        }
    }

    @Transactional
    void onUnsubscribeMailed(@Observes UnsubscribeMailed unsubscribe) {
        leave(unsubscribe.subscriberId());
    }

    /** The preference page's view of a subscriber: three language slots, the topics, the pause. */
    public Preferences preferences(Subscriber subscriber) {
        List<LanguageTag> current = subscriber.languages();
        List<Preferences.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LanguageTag selected = i < current.size() ? current.get(i) : null;
            Set<LanguageTag> options = new LinkedHashSet<>();
            if (selected != null) {
                // a language chosen before we offered it stays chosen
                options.add(selected);
            }
            languages.languages().stream().map(Language::tag).forEach(options::add);
            slots.add(new Preferences.Slot(i + 1, i > 0, options.stream()
                    .map(o -> new Preferences.Option(o.value(), languages.offers(o) ? languages.language(o).nativeName() : o.value(),
                            o.equals(selected)))
                    .toList()));
        }
        List<Preferences.Topic> chosenTopics = topics.all().stream()
                .map(t -> new Preferences.Topic(t, subscriber.topics().contains(t))).toList();
        return new Preferences(subscriber.email(), slots, chosenTopics, subscriber.paused());
    }

    /** Who a campaign to these topics goes to: confirmed, not paused, subscribed to at least one of them. */
    public List<Audience> audience(Set<String> chosenTopics) {
        List<Object[]> rows = em.createQuery("select s.id, s.email, s.languages from Subscriber s where s.state = :confirmed"
                        + " and s.paused = false and s.id in (select t.id from Subscriber t join t.topics topic where topic in :topics)"
                        + " order by s.id", Object[].class)
                .setParameter("confirmed", SubscriberState.CONFIRMED)
                .setParameter("topics", chosenTopics)
                .getResultList();
        return rows.stream().map(row -> new Audience((Long) row[0], EmailAddress.parse((String) row[1]),
                java.util.Arrays.stream(((String) row[2]).split(",")).map(LanguageTag::of).toList())).toList();
    }

    /** One recipient of a campaign: the address and the languages they read, in order. */
    public record Audience(long subscriberId, EmailAddress email, List<LanguageTag> languages) {
    }

    public Optional<Subscriber> byAddress(EmailAddress address) {
        return em.createQuery("select s from Subscriber s where s.emailKey = :key", Subscriber.class)
                .setParameter("key", address.key()).getResultStream().findFirst();
    }

    /** A page of subscribers by id, optionally only those in one state or whose address contains {@code text}. */
    public List<Subscriber> list(SubscriberState state, String text, int page, int size) {
        var query = em.createQuery("select s from Subscriber s" + filter(state, text) + " order by s.id", Subscriber.class);
        bind(query, state, text);
        return query.setFirstResult(Math.toIntExact((long) page * size)).setMaxResults(size).getResultList();
    }

    public long count(SubscriberState state, String text) {
        var query = em.createQuery("select count(s) from Subscriber s" + filter(state, text), Long.class);
        bind(query, state, text);
        return query.getSingleResult();
    }

    // built per call rather than with "(:p is null or ...)": PostgreSQL cannot type a null parameter
    private static String filter(SubscriberState state, String text) {
        List<String> conditions = new ArrayList<>();
        if (state != null) {
            conditions.add("s.state = :state");
        }
        if (text != null && !text.isBlank()) {
            conditions.add("s.emailKey like :text");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static void bind(jakarta.persistence.TypedQuery<?> query, SubscriberState state, String text) {
        if (state != null) {
            query.setParameter("state", state);
        }
        if (text != null && !text.isBlank()) {
            query.setParameter("text", "%" + like(text) + "%");
        }
    }

    /** Erases the subscriber and, through {@link SubscriberErased}, what other features kept about them. */
    @Transactional
    public boolean erase(long id) {
        Subscriber subscriber = em.find(Subscriber.class, id);
        if (subscriber == null) {
            return false;
        }
        erased.fire(new SubscriberErased(id, subscriber.email()));
        em.remove(subscriber);
        return true;
    }

    private static String like(String text) {
        return text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "");
    }

    static String token() {
        return SecretToken.random().value();
    }

    static String hash(String token) {
        return SecretToken.hashOf(token);
    }
}
