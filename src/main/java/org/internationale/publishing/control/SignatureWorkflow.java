package org.internationale.publishing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.mailing.control.Mailer;
import org.internationale.mailing.entity.EmailAddress;
import org.internationale.mailing.entity.Mail;
import org.internationale.publishing.entity.Document;
import org.internationale.publishing.entity.Signature;
import org.internationale.site.control.UiStrings;
import org.internationale.system.entity.ContentChanged;
import org.internationale.system.entity.SecretToken;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.entity.Segment;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** Taking, confirming and moderating signatures. */
@ApplicationScoped
public class SignatureWorkflow {

    static final Duration LINK_LIFETIME = Duration.ofDays(7);
    private static final Logger LOG = Logger.getLogger(SignatureWorkflow.class.getName());

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @Inject
    Event<ContentChanged> contentChanged;

    @Inject
    SegmentStore segments;

    @Inject
    Mailer mailer;

    @Inject
    UiStrings strings;

    @Inject
    LanguageRegistry languages;

    @Inject
    Clock clock;

    /**
     * Stores an unconfirmed signature and mails the confirmation link to the contact address, within the daily cap
     * of mails to that address. The organisation and country are a stranger's words inside our mail: they must be
     * one line ({@link Mail#oneLine}), and the mail is plain text only, so nothing they write becomes a link of ours.
     *
     * @throws IllegalArgumentException for a contact address that is none, or text with line breaks
     */
    @Transactional
    public Signature sign(Document statement, String organisation, String country, String email, LanguageTag language,
                          String statementTitle, String confirmBaseUrl) {
        Mail.oneLine("organisation", organisation);
        Mail.oneLine("country", country);
        email = EmailAddress.parse(email).value();
        String token = SecretToken.random().value();
        Segment body = segments.find(statement.bodyKey()).orElseThrow();
        Signature signature = new Signature(statement.id(), organisation, country, email, language.value(), hash(token),
                clock.instant().plus(LINK_LIFETIME), body.latest().number(), clock.instant());
        em.persist(signature);
        String link = confirmBaseUrl + "?token=" + token;
        // the words of the language the signer read the statement in, or of the first one its chain offers
        LanguageTag served = languages.chain(language).first();
        mailer.send(new Mail(email, strings.text("mail.signature.subject", served, "title", statementTitle),
                strings.text("mail.signature.body", served, "title", statementTitle, "organisation", organisation,
                        "country", country, "days", LINK_LIFETIME.toDays(), "link", link),
                null, served.value(), Map.of("Auto-Submitted", "auto-generated")));
        LOG.info(() -> "Signature " + signature.id() + " on statement " + statement.id() + " awaits confirmation");
        return signature;
    }

    /** @return the confirmed signature, or empty for an unknown or expired link */
    @Transactional
    public Optional<Signature> confirm(String token) {
        contentChanged.fire(new ContentChanged("statement signatures"));
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return em.createQuery("select s from Signature s where s.tokenHash = :hash", Signature.class)
                .setParameter("hash", hash(token)).getResultStream().findFirst()
                .filter(s -> s.confirm(clock.instant()));
    }

    public Optional<Signature> pending(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return em.createQuery("select s from Signature s where s.tokenHash = :hash", Signature.class)
                .setParameter("hash", hash(token)).getResultStream().findFirst();
    }

    @Transactional
    public Optional<Signature> moderate(long statementId, long signatureId, Signature.Moderation decision, String editor) {
        contentChanged.fire(new ContentChanged("statement signatures"));
        Signature signature = em.find(Signature.class, signatureId);
        if (signature == null || signature.documentId() != statementId) {
            return Optional.empty();
        }
        signature.moderate(decision, editor, clock.instant());
        return Optional.of(signature);
    }

    public List<Signature> of(long statementId) {
        return em.createQuery("select s from Signature s where s.documentId = :id order by s.id", Signature.class)
                .setParameter("id", statementId).getResultList();
    }

    static String hash(String token) {
        return SecretToken.hashOf(token);
    }
}
