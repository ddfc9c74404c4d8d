package org.internationale.newsletter.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.mailing.control.DeliveryLedger;
import org.internationale.mailing.control.MailConnection;
import org.internationale.mailing.control.MailSettings;
import org.internationale.mailing.control.RelayOutage;
import org.internationale.mailing.entity.DeliveryCounts;
import org.internationale.mailing.entity.EmailAddress;
import org.internationale.mailing.entity.Recipient;
import org.internationale.mailing.entity.RelayPause;
import org.internationale.mailing.entity.SendOutcome;
import org.internationale.newsletter.entity.Campaign;
import org.internationale.newsletter.entity.CampaignProgress;
import org.internationale.newsletter.entity.CampaignState;
import org.internationale.newsletter.entity.Coverage;
import org.internationale.publishing.control.DocumentEditor;
import org.internationale.publishing.control.Publisher;
import org.internationale.publishing.entity.Document;
import org.internationale.publishing.entity.DocumentType;
import org.internationale.subscribers.control.Subscriptions;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * CampaignPlanner from draft to sent: coverage before sending, test sends, the start (which publishes the newsletter and
 * fills the ledger in one transaction), pause, resume, cancel, and the send-by deadline — a time-critical alert not
 * sent by then is cancelled, never sent late. Which variant each subscriber gets is the one fallback rule applied to
 * their own ordered languages, over the languages whose translation is approved.
 */
@ApplicationScoped
public class CampaignPlanner {

    static final int MAX_TEST_ADDRESSES = 10;
    private static final Logger LOG = Logger.getLogger(CampaignPlanner.class.getName());

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @Inject
    DocumentEditor documents;

    @Inject
    Publisher publisher;

    @Inject
    Subscriptions subscriptions;

    @Inject
    LanguageRegistry languages;

    @Inject
    DeliveryLedger ledger;

    @Inject
    RelayOutage relay;

    @Inject
    CampaignMessages messages;

    @Inject
    MailSettings settings;

    @Inject
    Clock clock;

    @Transactional
    public Campaign create(long newsletterId, Set<String> topics, Set<LanguageTag> required, Instant at, Instant sendBy, URI base, String author) {
        Document newsletter = documents.find(newsletterId)
                .orElseThrow(() -> new IllegalArgumentException("There is no document " + newsletterId + "."));
        if (newsletter.type() != DocumentType.NEWSLETTER) {
            throw new IllegalArgumentException("Document " + newsletterId + " is a " + newsletter.type().label() + ", not a newsletter.");
        }
        for (LanguageTag language : required) {
            if (!languages.offers(language)) {
                throw new IllegalArgumentException(language + " is not an offered language.");
            }
        }
        Campaign campaign = new Campaign(newsletterId, topics, required, at, sendBy, base, author, clock.instant());
        em.persist(campaign);
        return campaign;
    }

    public Optional<Campaign> find(long id) {
        return Optional.ofNullable(em.find(Campaign.class, id));
    }

    public List<Campaign> all() {
        return em.createQuery("select c from Campaign c order by c.id desc", Campaign.class).setMaxResults(200).getResultList();
    }

    public Coverage coverage(long id) {
        Campaign campaign = em.find(Campaign.class, id);
        Set<LanguageTag> approved = publisher.approvedLanguages(campaign.newsletterId());
        Map<String, Integer> byLanguage = new TreeMap<>();
        Map<List<String>, Integer> fallbacks = new LinkedHashMap<>();
        List<Subscriptions.Audience> audience = subscriptions.audience(campaign.topics());
        for (Subscriptions.Audience member : audience) {
            LanguageTag served = variantFor(member.languages(), approved);
            byLanguage.merge(served.value(), 1, Integer::sum);
            LanguageTag wanted = member.languages().get(0);
            if (!languages.resolve(wanted).map(served::equals).orElse(false)) {
                fallbacks.merge(List.of(wanted.value(), served.value()), 1, Integer::sum);
            }
        }
        List<Coverage.Fallback> grouped = new ArrayList<>();
        fallbacks.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEach(entry -> {
            LanguageTag wanted = LanguageTag.of(entry.getKey().get(0));
            LanguageTag served = LanguageTag.of(entry.getKey().get(1));
            String wantedName = wanted.locale().getDisplayName(com.ibm.icu.util.ULocale.ENGLISH);
            String servedName = served.locale().getDisplayName(com.ibm.icu.util.ULocale.ENGLISH);
            grouped.add(new Coverage.Fallback(wanted.value(), wantedName, served.value(), servedName, entry.getValue(),
                    entry.getValue() + " " + wantedName + (entry.getValue() == 1 ? " reader" : " readers") + " will get " + servedName));
        });
        List<String> missing = missingApprovals(campaign, approved);
        return new Coverage(id, campaign.newsletterId(), audience.size(), byLanguage, grouped,
                campaign.requiredLanguages().stream().map(LanguageTag::value).toList(), missing, !missing.isEmpty());
    }

    /** The variant a reader of these languages gets: the first approved one along their chain, else the source. */
    LanguageTag variantFor(List<LanguageTag> readerLanguages, Set<LanguageTag> approved) {
        return languages.chain(readerLanguages).languages().stream().filter(approved::contains).findFirst()
                .orElse(languages.source());
    }

    private static List<String> missingApprovals(Campaign campaign, Set<LanguageTag> approved) {
        return campaign.requiredLanguages().stream().filter(l -> !approved.contains(l)).map(LanguageTag::value).toList();
    }

    /**
     * Sends the campaign's variant in {@code language} (absent: the source) to a few addresses now, outside the
     * ledger; returns what each got. Subscriber or not, an address gets the same message with inert footer links
     * and the same answer, so an editor cannot use a test send to find out who subscribes.
     */
    public Map<String, String> test(long id, List<String> addresses, LanguageTag language) {
        if (addresses == null || addresses.isEmpty() || addresses.size() > MAX_TEST_ADDRESSES) {
            throw new IllegalArgumentException("Give between 1 and " + MAX_TEST_ADDRESSES + " addresses.");
        }
        Campaign campaign = em.find(Campaign.class, id);
        List<EmailAddress> parsed = addresses.stream().map(EmailAddress::parse).toList();
        Map<String, String> result = new LinkedHashMap<>();
        try (MailConnection connection = new MailConnection(settings, clock)) {
            for (EmailAddress address : parsed) {
                // never the subscriber's own language: what arrives must not tell the editor who subscribes
                LanguageTag variant = language != null ? language : languages.source();
                SendOutcome outcome = connection.send(messages.test(connection.session(), campaign, address.value(), variant),
                        address.value(), settings.bounceAddress().getAddress());
                if (outcome.kind() != SendOutcome.Kind.SENT) {
                    throw new IllegalStateException("The test mail to " + address + " was refused: " + outcome.reply());
                }
                result.put(address.value(), variant.value());
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException("The test mail could not be built: " + e.getMessage(), e);
        }
        return result;
    }

    @Transactional
    public Campaign send(long id) {
        Campaign campaign = em.find(Campaign.class, id);
        if (campaign.deadlinePassed(clock.instant())) {
            throw new IllegalStateException("Its send-by time has passed; make a new campaign.");
        }
        campaign.schedule();
        return campaign;
    }

    @Transactional
    public Campaign pause(long id) {
        Campaign campaign = em.find(Campaign.class, id);
        campaign.pause();
        return campaign;
    }

    @Transactional
    public Campaign resume(long id) {
        Campaign campaign = em.find(Campaign.class, id);
        campaign.resume();
        return campaign;
    }

    @Transactional
    public Campaign cancel(long id, String why) {
        Campaign campaign = em.find(Campaign.class, id);
        campaign.cancel(why, clock.instant());
        ledger.cancelPending(id, why);
        return campaign;
    }

    /** Starts what is due and may go; cancels what missed its deadline; closes what is done. Every second. */
    @Transactional
    public void advance() {
        Instant now = clock.instant();
        List<Campaign> open = em.createQuery("select c from Campaign c where c.state in :states", Campaign.class)
                .setParameter("states", List.of(CampaignState.SCHEDULED, CampaignState.SENDING, CampaignState.PAUSED))
                .getResultList();
        for (Campaign campaign : open) {
            if (campaign.deadlinePassed(now)) {
                campaign.cancel("Not sent by its send-by time " + campaign.sendBy().orElseThrow() + "; the rest is cancelled, not sent late.", now);
                int cancelled = ledger.cancelPending(campaign.id(), "send-by time passed");
                LOG.warning(() -> "Campaign " + campaign.id() + " missed its send-by time: " + cancelled + " message(s) cancelled");
                messages.forget(campaign.id());
                continue;
            }
            if (campaign.state() == CampaignState.SCHEDULED && campaign.due(now)) {
                start(campaign, now);
            } else if (campaign.state() == CampaignState.SENDING && ledger.counts(campaign.id()).finished()) {
                campaign.sent(now);
                messages.forget(campaign.id());
                LOG.info(() -> "Campaign " + campaign.id() + " is sent");
            }
        }
    }

    private void start(Campaign campaign, Instant now) {
        Set<LanguageTag> approved = publisher.approvedLanguages(campaign.newsletterId());
        List<String> missing = missingApprovals(campaign, approved);
        if (!missing.isEmpty()) {
            campaign.waiting("Waiting for approved translations in: " + String.join(", ", missing));
            return;
        }
        Document newsletter = documents.find(campaign.newsletterId()).orElseThrow();
        if (!newsletter.isLive()) {
            // a newsletter that went out is public: the archive and search show it (within moments: its lanes do not
            // wait for the index)
            publisher.publishForCampaign(newsletter.id());
        }
        long began = System.nanoTime();
        List<Subscriptions.Audience> audience = subscriptions.audience(campaign.topics());
        long chosen = System.nanoTime();
        List<Recipient> recipients = new ArrayList<>();
        // subscribers share a few orders of languages: each order's chain is worked out once, not once per subscriber
        Map<List<LanguageTag>, LanguageTag> variants = new HashMap<>();
        for (Subscriptions.Audience member : audience) {
            LanguageTag served = variants.computeIfAbsent(member.languages(), readerLanguages -> variantFor(readerLanguages, approved));
            recipients.add(new Recipient(member.subscriberId(), member.email().value(), member.email().domain(), served.value(),
                    member.languages().get(0).value()));
        }
        long served = System.nanoTime();
        int added = ledger.enqueue(campaign.id(), recipients);
        long enqueued = System.nanoTime();
        campaign.start(now);
        LOG.info(() -> "Campaign " + campaign.id() + " started: " + added + " message(s) in the ledger (audience read in "
                + (chosen - began) / 1_000_000 + " ms, variants chosen in " + (served - chosen) / 1_000_000 + " ms, ledger filled in "
                + (enqueued - served) / 1_000_000 + " ms)");
    }

    /**
     * The campaigns lanes may take messages of now, with their deadlines. In a transaction of its own, as
     * {@link NewsletterRenderer#render(long, LanguageTag, LanguageTag, URI)} explains: lanes call it.
     */
    @Transactional
    public List<Campaign> sending() {
        return em.createQuery("select c from Campaign c where c.state = :sending", Campaign.class)
                .setParameter("sending", CampaignState.SENDING).getResultList();
    }

    /** Where a campaign stands now, from its ledger. */
    public CampaignProgress progress(Campaign campaign) {
        return CampaignProgress.of(campaign, ledger.counts(campaign.id()), relay.current());
    }

    /** Where each campaign stands now, counted in one query. */
    public List<CampaignProgress> progress(List<Campaign> all) {
        Map<Long, DeliveryCounts> counts = ledger.counts(all.stream().map(Campaign::id).toList());
        Optional<RelayPause> pause = relay.current();
        return all.stream().map(c -> CampaignProgress.of(c, counts.get(c.id()), pause)).toList();
    }
}
