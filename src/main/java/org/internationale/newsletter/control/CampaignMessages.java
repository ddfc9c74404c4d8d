package org.internationale.newsletter.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.mailing.control.DkimSigning;
import org.internationale.mailing.control.MailSettings;
import org.internationale.mailing.control.Verp;
import org.internationale.newsletter.entity.Campaign;
import org.internationale.newsletter.entity.Variant;
import org.internationale.subscribers.control.SubscriberLinks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds each campaign message: the subscriber's language variant (rendered once per campaign and language), their
 * own footer links, the bulk-mail headers (RFC 2369 List-*, RFC 8058 one-click unsubscribe, {@code Precedence:
 * bulk}), a Message-ID that is the same every time this campaign is sent to this subscriber — a resend after a crash
 * is recognisable as the same message — and the DKIM signature.
 */
@ApplicationScoped
public class CampaignMessages {

    @Inject
    NewsletterRenderer renderer;

    @Inject
    SubscriberLinks links;

    @Inject
    Verp verp;

    @Inject
    MailSettings settings;

    @Inject
    DkimSigning dkim;

    @Inject
    Clock clock;

    private final Map<String, Variant> variants = new ConcurrentHashMap<>();

    /** One subscriber's message of a campaign, signed and ready for the envelope. */
    public SMTPMessage compose(Session session, Campaign campaign, long subscriberId, String email, LanguageTag language,
                               LanguageTag wanted) throws MessagingException {
        Variant variant = variant(campaign, language, wanted);
        URI base = campaign.baseUrl();
        URI unsubscribe = links.unsubscribe(base, subscriberId);
        NewsletterRenderer.Footer footer = renderer.footer(variant.language(), email, links.preferences(base, subscriberId), unsubscribe);
        String messageId = "<campaign-" + campaign.id() + ".subscriber-" + subscriberId + "@" + settings.fromDomain() + ">";
        MimeMessage message = message(session, messageId, email, variant, footer);
        message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">, <mailto:" + verp.unsubscribeAddress(subscriberId) + "?subject=unsubscribe>");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.saveChanges();
        return dkim.sign(message);
    }

    /** A test message: the campaign's variant in {@code language} with inert footer links, subject marked as a test. */
    public SMTPMessage test(Session session, Campaign campaign, String email, LanguageTag language) throws MessagingException {
        Variant variant = variant(campaign, language, language);
        URI base = campaign.baseUrl();
        NewsletterRenderer.Footer footer = renderer.footer(variant.language(), email,
                base.resolve("subscriptions/preferences?s=0&t=test"), base.resolve("subscriptions/unsubscribe?s=0&t=test"));
        String messageId = "<campaign-" + campaign.id() + ".test-" + clock.millis() + "." + Math.abs(email.hashCode()) + "@" + settings.fromDomain() + ">";
        Variant marked = variant.withSubject("[TEST] " + variant.subject());
        MimeMessage message = message(session, messageId, email, marked, footer);
        message.saveChanges();
        return dkim.sign(message);
    }

    /** Forgets a campaign's rendered variants, e.g. once it is finished. */
    public void forget(long campaignId) {
        variants.keySet().removeIf(key -> key.startsWith(campaignId + "/"));
    }

    private Variant variant(Campaign campaign, LanguageTag language, LanguageTag wanted) {
        return variants.computeIfAbsent(campaign.id() + "/" + language.value() + "/" + wanted.value(),
                key -> renderer.render(campaign.newsletterId(), language, wanted, campaign.baseUrl()));
    }

    private MimeMessage message(Session session, String messageId, String email, Variant variant, NewsletterRenderer.Footer footer)
            throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId);
        message.setFrom(settings.from());
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email));
        message.setSubject(variant.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Content-Language", variant.language().value());
        message.setHeader("List-Id", "Internationale newsletter <newsletter." + settings.fromDomain() + ">");
        message.setHeader("Precedence", "bulk");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(variant.text(footer.text()), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(renderer.html(variant, footer), "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", text, html));
        return message;
    }

    /** Keeps the Message-ID we give it: Jakarta Mail would otherwise invent a random one on every save. */
    static final class FixedIdMessage extends SMTPMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
