package org.internationale.newsletter.boundary;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.internationale.testing.Api;
import org.internationale.testing.Deployments;
import org.internationale.testing.MailServer;
import org.internationale.testing.Project;
import org.internationale.text.control.PoReader;
import org.internationale.text.entity.PoEntry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Subscribing, campaigns and bounces on the deployed application, against GreenMail as a real SMTP server and IMAP
 * bounce mailbox: double opt-in in the subscriber's language, RFC 8058 one-click unsubscribe, a campaign reaching
 * subscribers of five languages each in their own variant (or the announced fallback), DKIM signatures checked by an
 * independent verifier (Apache James jDKIM), a bounce report stopping an address, and a send-by deadline cancelling
 * an alert that could not go out in time.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NewsletterIT {

    private static final String PASSWORD = "newsletter test passphrase";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+)");
    private static MailServer server;
    private static GreenMail mail;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private String admin;
    private String editor;
    private String translator;
    private String reviewer;

    @BeforeAll
    static void mail() {
        server = MailServer.shared();
        mail = server.greenMail();
    }

    @BeforeEach
    void accounts() {
        api = new Api(base);
        admin = api.token("admin", Api.ADMIN_PASSWORD, null);
        editor = api.token("nl-editor", PASSWORD, "\"roles\":[\"editor\"],\"languages\":[]");
        translator = api.token("nl-translator", PASSWORD, "\"roles\":[\"translator\"],\"languages\":[\"es\",\"fr\",\"ar\",\"ja\",\"de\"]");
        reviewer = api.token("nl-reviewer", PASSWORD, "\"roles\":[\"reviewer\"],\"languages\":[\"es\",\"fr\",\"ar\",\"ja\",\"de\"]");
    }

    @Test
    void doubleOptInHappensInTheSubscribersLanguageAndOpeningTheLinkConfirmsNothing() throws Exception {
        String address = unique("opt-in");
        Api.Reply subscribed = subscribe(address, "[\"es\",\"en\"]", "[\"news\"]");
        assertEquals(202, subscribed.status(), subscribed.body());
        // the same answer for an address nobody knows and one already asked for: the endpoint reveals no reader
        assertEquals(subscribed.body(), subscribe(unique("stranger"), "[\"fr\"]", "[]").body());

        MimeMessage confirmation = awaitMessageTo(address);
        assertEquals(ui("es", "mail.confirm.subject"), confirmation.getSubject());
        assertEquals("es", confirmation.getHeader("Content-Language", null));
        String link = firstLink(body(confirmation));
        assertTrue(link.contains("/subscriptions/confirm?token="), link);

        Api.Reply page = api.send(HttpRequest.newBuilder(URI.create(link)).GET());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("lang=\"es\""), page.body());
        assertTrue(page.body().contains("method=\"post\""), page.body());
        assertEquals("pending", subscriber(address).getString("state"), "a GET (a mail scanner) must not confirm");

        String token = link.substring(link.indexOf("token=") + 6);
        Api.Reply confirmed = api.send(HttpRequest.newBuilder(URI.create(link.substring(0, link.indexOf('?'))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)));
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals("confirmed", subscriber(address).getString("state"));
        assertEquals(404, api.send(HttpRequest.newBuilder(URI.create(link)).GET()).status(), "a used link is spent");

        // subscribing again is harmless: still one subscriber, still confirmed
        assertEquals(202, subscribe(address, "[\"fr\"]", "[]").status());
        JsonObject again = subscriber(address);
        assertEquals("confirmed", again.getString("state"));
        assertEquals("es", again.getJsonArray("languages").getString(0), "a stranger cannot change a confirmed subscriber's languages");
    }

    @Test
    void badSubscriptionsAreRefusedWithReasons() {
        assertEquals(400, subscribe("not-an-address", "[\"es\"]", "[]").status());
        assertEquals(400, subscribe(unique("bad-tag"), "[\"not a tag!\"]", "[]").status());
        Api.Reply topic = subscribe(unique("bad-topic"), "[\"es\"]", "[\"gossip\"]");
        assertEquals(400, topic.status());
        assertTrue(topic.json().getString("detail").contains("gossip"), topic.body());
        assertEquals(400, api.send("POST", "api/subscriptions", "{\"email\":", null).status());
        assertEquals(403, api.send("GET", "api/admin/subscribers", null, editor).status(), "addresses are for admins only");
    }

    @Test
    void aCampaignReachesEachSubscriberInTheirOwnLanguageSignedAndUnsubscribableInOneClick() throws Exception {
        String topic = "alerts";
        Map<String, String> readers = new HashMap<>();
        for (String language : List.of("es", "fr", "ar", "ja", "sw")) {
            String address = unique("reader-" + language);
            readers.put(language, address);
            confirmedSubscriber(address, "[\"" + language + "\"]", "[\"" + topic + "\"]");
        }
        JsonObject newsletter = newsletter("Strike alert: port workers walk out", "Solidarity needed",
                "The **port workers** strike from Monday. [Support them](https://example.org/support).");
        for (String language : List.of("es", "fr", "ar", "ja")) {
            translate(newsletter, language, "[" + language + "] Alerta de huelga", "[" + language + "] Solidaridad",
                    "[" + language + "] Los **portuarios** hacen huelga.");
        }
        long campaign = campaign(newsletter.getJsonNumber("id").longValue(), topic, "[\"es\",\"ar\"]", null, null);

        JsonObject coverage = api.send("GET", "api/admin/campaigns/" + campaign + "/coverage", null, editor).json();
        assertFalse(coverage.getBoolean("blocked"), coverage.toString());
        assertTrue(coverage.getInt("total") >= 5, coverage.toString());
        // other tests' subscribers may read Swahili too: there is one group for them, however many they are
        assertTrue(coverage.getJsonArray("fallbacks").getValuesAs(JsonObject.class).stream()
                .anyMatch(f -> f.getString("wanted").equals("sw") && f.getString("served").equals("en")
                        && f.getString("message").matches("\\d+ Swahili readers? will get English")), coverage.toString());

        Api.Reply sent = api.send("POST", "api/admin/campaigns/" + campaign + "/send", null, editor);
        assertEquals(200, sent.status(), sent.body());
        JsonObject progress = awaitState(campaign, "sent");
        assertEquals(progress.getJsonNumber("total").longValue(), progress.getJsonObject("counts").getJsonNumber("sent").longValue(), progress.toString());

        PublicKeys keys = new PublicKeys();
        for (var reader : readers.entrySet()) {
            MimeMessage message = awaitMessageTo(reader.getValue(), m -> subject(m).contains("trike") || subject(m).contains("Alerta"));
            String expected = reader.getKey().equals("sw") ? "en" : reader.getKey();
            assertEquals(expected, message.getHeader("Content-Language", null), reader.toString());
            assertTrue(message.isMimeType("multipart/alternative"), message.getContentType());
            String html = part(message, "text/html");
            assertTrue(html.contains("lang=\"" + expected + "\""), html);
            assertTrue(html.contains("dir=\"" + (expected.equals("ar") ? "rtl" : "ltr") + "\""), html);
            assertTrue(part(message, "text/plain").contains(expected.equals("en") ? "port workers" : "[" + expected + "]"));
            if (reader.getKey().equals("sw")) {
                assertEquals("Strike alert: port workers walk out", message.getSubject());
            } else {
                assertEquals("[" + expected + "] Alerta de huelga", message.getSubject());
            }
            assertTrue(message.getMessageID().matches("<campaign-" + campaign + "\\.subscriber-\\d+@internationale\\.test>"), message.getMessageID());
            assertEquals("bulk", message.getHeader("Precedence", null));
            assertEquals("Internationale newsletter <newsletter.internationale.test>", message.getHeader("List-Id", null));
            assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post", null));
            String returnPath = message.getHeader("Return-Path", null);
            assertTrue(returnPath != null && returnPath.contains("bounces+d"), "VERP return path: " + returnPath);
            List<SignatureRecord> signatures = keys.verify(message);
            assertEquals(1, signatures.size());
            String signed = String.join(":", signatures.get(0).getHeaders().stream().map(CharSequence::toString).toList()).toLowerCase(java.util.Locale.ROOT);
            for (String header : List.of("from", "subject", "list-unsubscribe", "list-unsubscribe-post")) {
                assertTrue(List.of(signed.split(":")).contains(header), header + " must be signed: " + signed);
            }
        }

        // RFC 8058: a GET only shows a page; the mail client's POST unsubscribes without any login
        MimeMessage spanish = awaitMessageTo(readers.get("es"), m -> subject(m).contains("Alerta"));
        Matcher https = Pattern.compile("<(https?://[^>]+)>").matcher(spanish.getHeader("List-Unsubscribe", null));
        assertTrue(https.find(), spanish.getHeader("List-Unsubscribe", null));
        assertTrue(spanish.getHeader("List-Unsubscribe", null).contains("<mailto:bounces+u"));
        URI unsubscribe = URI.create(https.group(1));
        assertEquals(200, api.send(HttpRequest.newBuilder(unsubscribe).GET()).status());
        assertEquals("confirmed", subscriber(readers.get("es")).getString("state"));
        Api.Reply oneClick = api.send(HttpRequest.newBuilder(unsubscribe)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertEquals(200, oneClick.status(), oneClick.body());
        assertEquals("left", subscriber(readers.get("es")).getString("state"));
        URI forged = URI.create(unsubscribe.toString().replaceAll("t=[^&]+", "t=forged"));
        assertEquals(404, api.send(HttpRequest.newBuilder(forged).POST(HttpRequest.BodyPublishers.noBody())).status());

        // a permanent bounce, reported to the VERP address, stops mail to the Japanese reader
        MimeMessage japanese = awaitMessageTo(readers.get("ja"), m -> subject(m).contains("Alerta"));
        server.bounces().deliver(deliveryStatusReport(japanese.getHeader("Return-Path", null).replaceAll("[<>]", ""), readers.get("ja")));
        Api.Reply checked = api.send("POST", "api/admin/bounces/check", null, admin);
        assertEquals(200, checked.status(), checked.body());
        // the server also reads the mailbox every half minute, one reading at a time: when that reading fell between the
        // delivery and this call (a CI run saw it), it handled the report and this call found none; either way the report
        // is handled once, and the address is stopped by the time this call answers
        int handled = checked.json().getInt("handled");
        assertTrue(handled == 1 || handled == 0, checked.body());
        JsonObject stopped = subscriber(readers.get("ja"));
        assertEquals("stopped", stopped.getString("state"), stopped.toString());
        assertTrue(stopped.getString("stopReason").contains("5.1.1"), stopped.toString());
        // the same report read again, as after a crash between recording it and emptying the mailbox: deleted, not
        // recorded (or counted) a second time
        server.bounces().deliver(deliveryStatusReport(japanese.getHeader("Return-Path", null).replaceAll("[<>]", ""), readers.get("ja")));
        assertEquals(200, api.send("POST", "api/admin/bounces/check", null, admin).status());
        assertEquals(0, mail.getManagers().getImapHostManager().getInbox(server.bounces()).getMessageCount(),
                "a report recorded before is deleted from the mailbox, not left there to fail at every reading");
        Api.Reply exported = api.send("GET", "api/admin/subscribers/" + stopped.getJsonNumber("id").longValue() + "/export", null, admin);
        assertEquals(200, exported.status(), exported.body());
        assertEquals(1, exported.json().getJsonArray("bounces").size(), exported.body());

        // the next campaign to the same topic leaves out who left and who bounced
        JsonObject next = api.send("GET", "api/admin/campaigns/" + campaign(newsletter.getJsonNumber("id").longValue(), topic, "[]", null, null)
                + "/coverage", null, editor).json();
        assertEquals(coverage.getInt("total") - 2, next.getInt("total"), next.toString());
    }

    @Test
    void anAlertThatCannotGoOutBeforeItsDeadlineIsCancelledNotSentLate() throws Exception {
        String address = unique("deadline");
        long campaign = campaignFor(address, "[\"de\"]", "alerts", "Picket tomorrow at six", "[\"de\"]",
                // twelve seconds leave a loaded machine time to set the campaign up before its deadline
                java.time.Instant.now().plusSeconds(12).toString());
        assertEquals(200, api.send("POST", "api/admin/campaigns/" + campaign + "/send", null, editor).status());
        JsonObject waiting = api.send("GET", "api/admin/campaigns/" + campaign, null, editor).json();
        assertEquals("scheduled", waiting.getString("state"));
        JsonObject cancelled = awaitState(campaign, "cancelled");
        assertTrue(cancelled.getString("note").contains("send-by"), cancelled.toString());
        assertEquals(0, server.messagesTo(address).stream().filter(m -> subject(m).contains("Picket")).count(),
                "nothing may go out after the deadline");
        assertEquals(409, api.send("POST", "api/admin/campaigns/" + campaign + "/send", null, editor).status());
    }

    @Test
    void aCampaignSentWhileTheRelayIsDownWaitsUnfailedAndGoesOutWhenTheRelayIsBack() throws Exception {
        String address = unique("outage");
        long campaign = campaignFor(address, "[\"en\"]", "alerts", "Relay outage drill", "[]", null);
        server.stop();
        try {
            assertEquals(200, api.send("POST", "api/admin/campaigns/" + campaign + "/send", null, editor).status());
            JsonObject waiting = awaitRelayUnreachable(campaign);
            JsonObject counts = waiting.getJsonObject("counts");
            assertEquals("sending", waiting.getString("state"), waiting.toString());
            assertEquals(0, counts.getInt("sent") + counts.getInt("failed") + counts.getInt("sending"), waiting.toString());
            assertTrue(counts.getInt("pending") >= 1, waiting.toString());
            JsonObject outage = waiting.getJsonObject("relayUnreachable");
            assertNotNull(outage, "the editor sees why nothing moves: " + waiting);
            assertTrue(java.time.Instant.parse(outage.getString("until")).isAfter(java.time.Instant.now()), outage.toString());
            assertFalse(outage.getString("reason").isBlank(), outage.toString());
            Api.Reply page = api.send("GET", "workspace/campaigns/" + campaign, null, editor);
            assertEquals(200, page.status());
            assertTrue(page.body().contains("id=\"relay-unreachable\""), "the workspace shows it too: " + page.body());
        } finally {
            server.start();
        }
        JsonObject sent = awaitState(campaign, "sent");
        assertFalse(sent.containsKey("relayUnreachable") && !sent.isNull("relayUnreachable"), sent.toString());
        assertFalse(api.send("GET", "workspace/campaigns/" + campaign, null, editor).body().contains("relay-unreachable"));
        assertEquals(1, server.messagesTo(address).stream().filter(m -> subject(m).contains("Relay outage drill")).count());
    }

    @Test
    void aTestSendReachesTheGivenAddressAndTheGdprExportAndErasureWork() throws Exception {
        String address = unique("gdpr");
        long campaign = campaignFor(address, "[\"fr\",\"es\"]", "news", "Monthly news", "[]", null);
        String tester = unique("tester");
        Api.Reply test = api.send("POST", "api/admin/campaigns/" + campaign + "/test",
                "{\"addresses\":[\"" + tester + "\"],\"language\":\"en\"}", editor);
        assertEquals(200, test.status(), test.body());
        assertTrue(awaitMessageTo(tester).getSubject().startsWith("[TEST] Monthly news"));
        assertEquals("draft", api.send("GET", "api/admin/campaigns/" + campaign, null, editor).json().getString("state"));

        long id = subscriber(address).getJsonNumber("id").longValue();
        Api.Reply export = api.send("GET", "api/admin/subscribers/" + id + "/export", null, admin);
        assertEquals(200, export.status(), export.body());
        assertEquals(address, export.json().getJsonObject("subscriber").getString("email"));
        assertTrue(export.json().containsKey("deliveries"), export.body());
        assertEquals(204, api.send("DELETE", "api/admin/subscribers/" + id, null, admin).status());
        assertEquals(404, api.send("GET", "api/admin/subscribers/" + id, null, admin).status());
        assertEquals(0, api.send("GET", "api/admin/subscribers?q=" + address, null, admin).json().getInt("total"));
    }

    /**
     * A request naming another host must not put that host into the links we sign and send: the confirmation mail
     * points to our own address (no PUBLIC_BASE_URL here: localhost and the port the server listens on), and so do the
     * links in feeds and pages served to such a request.
     */
    @Test
    void aForgedHostNeverReachesTheLinksWeWrite() throws Exception {
        String address = unique("host");
        Map<String, String> forged = Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https", "Forwarded", "host=evil.example");
        Api.Reply accepted = api.sendWithHost("POST", "api/subscriptions", "evil.example", forged,
                "{\"email\":\"" + address + "\",\"languages\":[\"es\"],\"topics\":[\"news\"]}");
        assertEquals(202, accepted.status(), accepted.body());
        String mailBody = body(awaitMessageTo(address));
        assertFalse(mailBody.contains("evil.example"), mailBody);
        String link = firstLink(mailBody);
        assertTrue(link.startsWith("http://localhost:" + base.getPort() + "/subscriptions/confirm?token="), link);

        String feed = api.sendWithHost("GET", "feeds/en/updates.atom", "evil.example", forged, null).body();
        assertTrue(feed.contains("http://localhost:" + base.getPort() + "/feeds/en/updates.atom"), feed);
        assertFalse(feed.contains("evil.example"), feed);
        String page = api.sendWithHost("GET", "es/", "evil.example", forged, null).body();
        assertTrue(page.contains("<link rel=\"canonical\" href=\"http://localhost:" + base.getPort() + "/es/"), page);
        assertFalse(page.contains("evil.example"), "canonical and hreflang links");
    }

    /**
     * The test server trusts 127.0.0.1 as a reverse proxy (TRUSTED_PROXIES): each client behind it gets its own
     * subscribe limit, where all used to share the proxy's one.
     */
    @Test
    void behindATrustedProxyEachClientHasItsOwnSubscribeLimit() {
        String client = "198.51.100." + (1 + (int) (System.nanoTime() % 250));
        String other = "203.0.113." + (1 + (int) (System.nanoTime() % 250));
        int accepted = 0;
        Api.Reply reply = null;
        for (int i = 0; i < 200; i++) {
            reply = subscribeThroughProxy(client, unique("limit" + i));
            if (reply.status() != 202) {
                break;
            }
            accepted++;
        }
        assertEquals(429, reply.status(), "one client meets its limit after " + accepted);
        assertEquals(202, subscribeThroughProxy(other, unique("neighbour")).status(), "another client behind the same proxy still subscribes");
    }

    /** Sent over loopback, the address the test server trusts as a proxy (the tests' own address need not be loopback). */
    private Api.Reply subscribeThroughProxy(String client, String email) {
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + base.getPort() + "/api/subscriptions"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"languages\":[\"en\"],\"topics\":[\"news\"]}")));
    }

    @Test
    void aTestSendDoesNotTellTheEditorWhetherAnAddressSubscribes() throws Exception {
        String subscriber = unique("reads-french");
        confirmedSubscriber(subscriber, "[\"fr\"]", "[\"news\"]");
        JsonObject newsletter = newsletter("Who reads us", "Our readers", "Meet at the square.");
        translate(newsletter, "fr", "Qui nous lit", "Nos lecteurs", "Rendez-vous sur la place.");
        long campaign = campaign(newsletter.getJsonNumber("id").longValue(), "news", "[]", null, null);
        String stranger = unique("reads-nothing");

        Api.Reply test = api.send("POST", "api/admin/campaigns/" + campaign + "/test",
                "{\"addresses\":[\"" + subscriber + "\",\"" + stranger + "\"]}", editor);
        assertEquals(200, test.status(), test.body());
        // both get the source language's variant: the subscriber's French would tell who subscribes
        assertEquals("en", test.json().getString(subscriber), test.body());
        assertEquals("en", test.json().getString(stranger), test.body());

        MimeMessage toSubscriber = awaitMessageTo(subscriber, m -> subject(m).startsWith("[TEST]"));
        MimeMessage toStranger = awaitMessageTo(stranger, m -> subject(m).startsWith("[TEST]"));
        assertEquals("[TEST] Who reads us", subject(toStranger));
        assertEquals("[TEST] Who reads us", subject(toSubscriber));
        assertEquals("en", toStranger.getHeader("Content-Language", null));
        assertEquals("en", toSubscriber.getHeader("Content-Language", null));
        for (String type : List.of("text/plain", "text/html")) {
            assertEquals(part(toStranger, type).replace(stranger, "ADDRESS"), part(toSubscriber, type).replace(subscriber, "ADDRESS"),
                    "the same " + type + ", no personal link");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Api.Reply subscribe(String email, String languages, String topics) {
        return api.send("POST", "api/subscriptions", "{\"email\":\"" + email + "\",\"languages\":" + languages + ",\"topics\":" + topics + "}", null);
    }

    private void confirmedSubscriber(String email, String languages, String topics) throws Exception {
        assertEquals(202, subscribe(email, languages, topics).status());
        String link = firstLink(body(awaitMessageTo(email)));
        String token = link.substring(link.indexOf("token=") + 6);
        Api.Reply confirmed = api.send(HttpRequest.newBuilder(URI.create(link.substring(0, link.indexOf('?'))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)));
        assertEquals(200, confirmed.status(), confirmed.body());
    }

    /** A confirmed subscriber of {@code topic}, and a draft campaign to that topic of a new English newsletter. */
    private long campaignFor(String address, String languages, String topic, String title, String required, String sendBy) throws Exception {
        confirmedSubscriber(address, languages, "[\"" + topic + "\"]");
        JsonObject newsletter = newsletter(title, "", "Meet at the gate.");
        return campaign(newsletter.getJsonNumber("id").longValue(), topic, required, null, sendBy);
    }

    private JsonObject subscriber(String email) {
        Api.Reply found = api.send("GET", "api/admin/subscribers?q=" + email, null, admin);
        assertEquals(200, found.status(), found.body());
        assertEquals(1, found.json().getInt("total"), found.body());
        return found.json().getJsonArray("items").getJsonObject(0);
    }

    private JsonObject newsletter(String title, String summary, String body) {
        String json = Json.createObjectBuilder().add("type", "newsletter").add("language", "en").add("title", title)
                .add("summary", summary).add("body", body).build().toString();
        Api.Reply created = api.send("POST", "api/admin/documents", json, editor);
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    private void translate(JsonObject document, String language, String title, String summary, String body) {
        api.translateAndApprove(document, language, translator, reviewer, title, summary, body);
    }

    private long campaign(long newsletter, String topic, String required, String at, String sendBy) {
        String json = "{\"newsletterId\":" + newsletter + ",\"topics\":[\"" + topic + "\"],\"requiredLanguages\":" + required
                + (at == null ? "" : ",\"at\":\"" + at + "\"") + (sendBy == null ? "" : ",\"sendBy\":\"" + sendBy + "\"") + "}";
        Api.Reply created = api.send("POST", "api/admin/campaigns", json, editor);
        assertEquals(201, created.status(), created.body());
        return created.json().getJsonNumber("id").longValue();
    }

    private JsonObject awaitState(long campaign, String state) {
        return await("campaign " + campaign + " becomes " + state).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .until(() -> api.send("GET", "api/admin/campaigns/" + campaign, null, editor).json(),
                        progress -> progress.getString("state").equals(state));
    }

    /**
     * The campaign's progress once it says sending pauses for the relay (a lane finds it gone at the first message)
     * and the lane has put its message back (the report follows the pause by a moment).
     */
    private JsonObject awaitRelayUnreachable(long campaign) {
        return await("campaign " + campaign + " says the relay is unreachable").atMost(Duration.ofSeconds(10))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> api.send("GET", "api/admin/campaigns/" + campaign, null, editor).json(),
                        progress -> progress.containsKey("relayUnreachable") && !progress.isNull("relayUnreachable")
                                && progress.getJsonObject("counts").getInt("sending") == 0);
    }

    private static MimeMessage awaitMessageTo(String address) {
        return awaitMessageTo(address, m -> true);
    }

    private static MimeMessage awaitMessageTo(String address, java.util.function.Predicate<MimeMessage> which) {
        return await("a mail reaches " + address).atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(() -> server.messagesTo(address).stream().filter(which).findFirst(), Optional::isPresent).orElseThrow();
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (Exception e) {
            return "";
        }
    }

    private static String body(MimeMessage message) throws Exception {
        Object content = message.getContent();
        return content instanceof String text ? text : part(message, "text/plain");
    }

    private static String part(MimeMessage message, String type) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static String firstLink(String text) {
        Matcher matcher = LINK.matcher(text);
        assertTrue(matcher.find(), text);
        return matcher.group(1);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@members.example.org";
    }

    private static String ui(String language, String key) throws Exception {
        String po = Files.readString(Project.translations().resolve(language).resolve("ui.po"), StandardCharsets.UTF_8);
        return PoReader.read(po).entries().stream().filter(e -> key.equals(e.context())).map(PoEntry::translation).findFirst().orElseThrow();
    }

    /** An RFC 3464 report of a permanent failure, byte for byte as a receiving MTA sends it to the return path. */
    private static MimeMessage deliveryStatusReport(String returnPath, String failedRecipient) throws Exception {
        String raw = "From: Mail Delivery System <MAILER-DAEMON@members.example.org>\r\n"
                + "Message-ID: <dsn." + failedRecipient.replace('@', '.') + "@mx.members.example.org>\r\n"
                + "To: " + returnPath + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B0UND\"\r\n"
                + "\r\n"
                + "--B0UND\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\n"
                + "The mail system could not deliver your message.\r\n\r\n"
                + "--B0UND\r\n"
                + "Content-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.members.example.org\r\n\r\n"
                + "Final-Recipient: rfc822; " + failedRecipient + "\r\n"
                + "Action: failed\r\n"
                + "Status: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n\r\n"
                + "--B0UND--\r\n";
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The public half of the test DKIM key, served to the verifier as DNS would. */
    private static final class PublicKeys {
        private final String record;

        PublicKeys() throws Exception {
            String pem = Files.readString(Project.root().resolve("src/test/resources/dkim/test-private-key.pem"), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            byte[] publicKey = rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())).getEncoded();
            record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(publicKey);
        }

        List<SignatureRecord> verify(MimeMessage message) throws Exception {
            DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) -> {
                assertEquals("it", selector.toString());
                assertEquals("internationale.test", domain.toString());
                return List.of(record);
            });
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            return verifier.verify(new ByteArrayInputStream(raw.toByteArray()));
        }
    }
}
