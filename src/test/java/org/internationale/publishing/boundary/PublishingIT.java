package org.internationale.publishing.boundary;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.core.ConditionTimeoutException;
import org.internationale.testing.Api;
import org.internationale.testing.Deployments;
import org.internationale.testing.MailServer;
import org.internationale.text.control.MarkdownRendererTest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing on the deployed application: languages going out as their translations are approved, schedules,
 * coordinated releases, editions and their diff, demands' status, co-signatures confirmed by mail through a real SMTP
 * server, Markdown that stays inert, and Atom feeds read by an independent parser.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublishingIT {

    private static final String PASSWORD = "publishing test passphrase";
    private static MailServer smtp;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private final String editor = Api.basic("admin", Api.ADMIN_PASSWORD);
    private String translator;
    private String reviewer;

    @BeforeAll
    static void smtp() {
        smtp = MailServer.shared();
    }

    @BeforeEach
    void accounts() {
        api = new Api(base);
        translator = account("pub-translator", "\"roles\":[\"translator\"],\"languages\":[\"en\",\"es\",\"fr\"]");
        reviewer = account("pub-reviewer", "\"roles\":[\"reviewer\"],\"languages\":[\"en\",\"es\",\"fr\"]");
    }

    private String account(String username, String grants) {
        return api.account(username, PASSWORD, grants);
    }

    private JsonObject create(String type, String language, String title, String summary, String body, String extra) {
        String json = Json.createObjectBuilder().add("type", type).add("language", language).add("title", title)
                .add("summary", summary).add("body", body).build().toString();
        if (extra != null) {
            json = json.substring(0, json.length() - 1) + "," + extra + "}";
        }
        Api.Reply created = api.send("POST", "api/admin/documents", json, editor);
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    private JsonObject publish(long id, String body) {
        Api.Reply published = api.send("POST", "api/admin/documents/" + id + "/publish", body == null ? "{}" : body, editor);
        assertEquals(200, published.status(), published.body());
        return published.json();
    }

    /**
     * Published only in Simplified Chinese: a Traditional Chinese reader gets it converted by ICU4J, in their language
     * tag and labelled, rather than falling back to English; the JSON says what it was converted from.
     */
    @Test
    void aDocumentOutOnlyInSimplifiedChineseReachesTraditionalReadersConvertedAndLabelled() {
        JsonObject created = create("update", "zh-Hans", "工人阶级团结起来", "码头工人罢工", "全体工人团结起来，争取带薪病假。", null);
        long id = created.getJsonNumber("id").longValue();
        publish(id, null);
        JsonObject traditional = api.get("api/documents/" + id + "?lang=zh-Hant").json();
        assertEquals("zh-Hant", traditional.getString("language"));
        assertEquals("工人階級團結起來", traditional.getString("title"));
        assertEquals("全體工人團結起來，爭取帶薪病假。", traditional.getString("body"));
        assertEquals("zh-Hans", traditional.getString("convertedFrom"));
        assertFalse(traditional.getBoolean("reviewed"), "no person checked the conversion");
        String page = api.get("zh-Hant/updates/" + id).body();
        assertTrue(page.contains("lang=\"zh-Hant\""), page);
        assertTrue(page.contains("notice-converted") && page.contains("簡體"), "the page names what it was converted from");
        assertTrue(page.contains("全體工人團結起來"), page);
        JsonObject found = api.get("api/search?lang=zh-Hant&q=" + java.net.URLEncoder.encode("工人階級團結", java.nio.charset.StandardCharsets.UTF_8)).json();
        JsonObject hit = found.getJsonArray("hits").stream().map(jakarta.json.JsonValue::asJsonObject)
                .filter(h -> h.getString("url").endsWith("/updates/" + id)).findFirst().orElseThrow(() -> new AssertionError(found.toString()));
        assertEquals("工人階級團結起來", hit.getString("title"), "search shows it converted too");
        assertEquals("zh-Hant", hit.getString("language"));
        assertEquals("zh-Hans", hit.getString("convertedFrom"));
        assertEquals("/zh-Hant/updates/" + id, hit.getString("url"), "and links the reader's own, converted page");
        JsonObject simplified = api.get("api/documents/" + id + "?lang=zh-Hans").json();
        assertEquals("全体工人团结起来，争取带薪病假。", simplified.getString("body"), "the original as written");
        assertTrue(!simplified.containsKey("convertedFrom") || simplified.isNull("convertedFrom"), "not converted");
    }

    private void translateAndApprove(JsonObject document, String language, String title, String summary, String body) {
        api.translateAndApprove(document, language, translator, reviewer, title, summary, body);
    }

    private JsonObject read(long id, String lang) {
        Api.Reply reply = api.get("api/documents/" + id + "?lang=" + lang);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void aSpanishStatementGoesOutInSpanishFirstThenInEnglishOnceApproved() {
        JsonObject statement = create("statement", "es", "Solidaridad con la huelga de recolectores",
                "Apoyamos a quienes recogen la fruta.", "Exigimos **salarios dignos** y el fin de los despidos.", null);
        long id = statement.getJsonNumber("id").longValue();
        assertEquals(404, api.get("api/documents/" + id + "?lang=es").status(), "a draft is not public");
        assertEquals("published", publish(id, null).getString("state"));

        JsonObject spanish = read(id, "es");
        assertEquals("es", spanish.getString("language"));
        assertFalse(spanish.getBoolean("fallback"));
        assertTrue(spanish.getString("html").contains("<strong>salarios dignos</strong>"));
        JsonObject beforeTranslation = read(id, "en");
        assertEquals("es", beforeTranslation.getString("language"));
        assertTrue(beforeTranslation.getBoolean("fallback"));

        translateAndApprove(statement, "en", "Solidarity with the fruit pickers' strike", "We stand with those who pick the fruit.",
                "We demand **living wages** and an end to dismissals.");
        JsonObject english = read(id, "en");
        assertEquals("en", english.getString("language"));
        assertFalse(english.getBoolean("fallback"));
        assertEquals("Solidarity with the fruit pickers' strike", english.getString("title"));
        assertTrue(english.getJsonArray("languages").toString().contains("\"en\""));
        Instant publishedAt = Instant.parse(english.getString("publishedAt"));
        assertFalse(publishedAt.isAfter(Instant.now()), english.toString());
        assertEquals(java.time.format.DateTimeFormatter.ofPattern("MMMM d, uuuu", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC)
                .format(publishedAt), english.getString("publishedDate"), "the day of publication, written in English");
    }

    @Test
    void aScheduledDocumentGoesOutAtItsTime() {
        JsonObject update = create("update", "en", "Scheduled update " + System.nanoTime(), "", "Goes out later.", null);
        long id = update.getJsonNumber("id").longValue();
        Instant at = Instant.now().plusSeconds(4);
        JsonObject scheduled = publish(id, "{\"at\":\"" + at + "\"}");
        assertEquals("scheduled", scheduled.getString("state"));
        assertEquals(404, api.get("api/documents/" + id).status(), "not before its time");
        int status = await("published within seconds of its time").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get("api/documents/" + id).status(), s -> s == 200);
        assertEquals(200, status, "published within seconds of its time");
        assertFalse(Instant.now().isBefore(at), "and not before it");
    }

    @Test
    void aCoordinatedReleaseWaitsForAllItsLanguages() {
        JsonObject update = create("update", "en", "Coordinated news", "Together", "All at once.", null);
        long id = update.getJsonNumber("id").longValue();
        JsonObject state = publish(id, "{\"languages\":[\"es\",\"fr\"]}");
        assertTrue(state.getBoolean("coordinated"));
        translateAndApprove(update, "es", "Noticias coordinadas", "Juntos", "Todo a la vez.");
        assertEquals("en", read(id, "es").getString("language"), "Spanish waits for French");
        translateAndApprove(update, "fr", "Nouvelles coordonnées", "Ensemble", "Tout à la fois.");
        assertEquals("es", read(id, "es").getString("language"));
        assertEquals("fr", read(id, "fr").getString("language"));

        assertEquals("archived", api.send("POST", "api/admin/documents/" + id + "/unpublish", null, editor).json().getString("state"));
        assertEquals(404, api.get("api/documents/" + id).status());
        assertEquals(200, api.send("GET", "api/admin/documents/" + id, null, editor).status(), "history is kept");
    }

    @Test
    void editionsPublishedAtTheSameMomentGetDistinctNumbersOrAConflictNeverAFailure() throws Exception {
        List<java.util.concurrent.CompletableFuture<Api.Reply>> racing = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racing.add(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> api.send("POST", "api/admin/platform/editions", "{\"note\":\"race\"}", editor)));
        }
        java.util.Set<Integer> numbers = new java.util.HashSet<>();
        for (var reply : racing) {
            Api.Reply done = reply.get();
            assertTrue(done.status() == 201 || done.status() == 409, done.status() + " " + done.body());
            if (done.status() == 201) {
                assertTrue(numbers.add(done.json().getInt("number")), "edition numbers are unique: " + numbers);
            }
        }
        assertFalse(numbers.isEmpty());
    }

    @Test
    void editionsAreImmutableAndTheirDiffShowsTheChangedWords() {
        int first = api.send("POST", "api/admin/platform/editions", "{\"note\":\"before the vote\"}", editor).json().getInt("number");
        // a clause no other class reads or changes: the classes share one server and may run in any order
        String id = "demands.fair-treatment.pandemic-payments";
        int base = api.get("api/platform/clauses/" + id).json().getInt("sourceRevision");
        String old = api.get("api/platform/clauses/" + id).json().getString("text");
        String changed = old.contains("$2,000") ? old.replace("$2,000", "$2,500") : old + " Now.";
        assertEquals(200, api.send("PUT", "api/admin/platform/clauses/" + id, Json.createObjectBuilder().add("text", changed)
                .add("baseRevision", base).add("changeKind", "meaning").build().toString(), editor).status());
        int second = api.send("POST", "api/admin/platform/editions", "{\"note\":\"after the vote\"}", editor).json().getInt("number");
        assertEquals(first + 1, second);

        JsonObject diff = api.get("api/platform/editions/" + first + "/diff/" + second + "?lang=en").json();
        JsonObject clause = diff.getJsonArray("clauses").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("id").equals(id)).findFirst().orElseThrow();
        assertEquals("changed", clause.getString("change"));
        assertTrue(clause.getJsonArray("diff").stream().map(JsonValue::asJsonObject)
                .anyMatch(r -> r.getString("op").equals("insert")), clause.toString());
        JsonObject edition = api.get("api/platform?lang=en&edition=" + first).json();
        assertTrue(edition.toString().contains(old.replace("\"", "\\\"")), "the edition keeps the text it had");
        assertEquals(404, api.get("api/platform?lang=en&edition=99999").status());
        assertTrue(api.get("api/platform/editions").body().contains("after the vote"));
    }

    @Test
    void demandsCarryStatusTimelinesAndUpdates() {
        String demand = "demands.housing.halt-evictions";
        int timelineBefore = ((JsonArray) api.get("api/demands?lang=es").jsonValue()).stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getString("id").equals(demand)).findFirst().orElseThrow().getJsonArray("timeline").size();
        assertEquals(201, api.send("POST", "api/admin/demands/" + demand + "/status",
                "{\"status\":\"partially-met\",\"date\":\"2026-03-01\",\"note\":\"Some cities\"}", editor).status());
        assertEquals(201, api.send("POST", "api/admin/demands/" + demand + "/status",
                "{\"status\":\"won\",\"date\":\"2026-06-01\",\"note\":\"National moratorium\"}", editor).status());
        assertEquals(400, api.send("POST", "api/admin/demands/" + demand + "/status", "{\"status\":\"maybe\",\"date\":\"2026-06-01\"}", editor).status());
        JsonObject update = create("update", "en", "Eviction moratorium won", "", "A national moratorium.", "\"demands\":[\"" + demand + "\"]");
        publish(update.getJsonNumber("id").longValue(), null);

        JsonArray demands = (JsonArray) api.get("api/demands?lang=es").jsonValue();
        JsonObject evictions = demands.stream().map(JsonValue::asJsonObject).filter(d -> d.getString("id").equals(demand)).findFirst().orElseThrow();
        assertEquals("won", evictions.getString("status"));
        assertEquals(timelineBefore + 2, evictions.getJsonArray("timeline").size());
        assertEquals("es", evictions.getJsonObject("text").getString("language"));
        assertTrue(evictions.getJsonArray("latestUpdates").stream().map(JsonValue::asJsonObject)
                .anyMatch(u -> u.getString("title").equals("Eviction moratorium won")));
        JsonObject documents = api.get("api/documents?type=update&demand=" + demand + "&lang=en").json();
        assertTrue(documents.getJsonNumber("total").longValue() >= 1);
    }

    @Test
    void signaturesAreConfirmedByMailThenModerated() throws Exception {
        JsonObject statement = create("statement", "en", "Solidarity with the dock workers", "", "We stand with the dock workers.", null);
        long id = statement.getJsonNumber("id").longValue();
        publish(id, null);
        String email = "union" + System.nanoTime() + "@example.org";
        Api.Reply signed = api.send("POST", "api/statements/" + id + "/signatures?lang=es",
                "{\"organisation\":\"Sindicato de Estibadores\",\"country\":\"España\",\"email\":\"" + email + "\"}", null);
        assertEquals(202, signed.status(), signed.body());
        assertEquals(400, api.send("POST", "api/statements/" + id + "/signatures", "{\"organisation\":\"\",\"country\":\"x\",\"email\":\"no\"}", null).status());

        MimeMessage mail = awaitMails(email, 1).stream().findFirst().orElseThrow();
        String text = (String) mail.getContent();
        assertTrue(mail.getSubject().contains("Solidarity with the dock workers"), mail.getSubject());
        Matcher link = Pattern.compile("(http\\S+/statements/confirm\\?token=[A-Za-z0-9_-]+)").matcher(text);
        assertTrue(link.find(), text);
        String url = link.group(1);
        String token = url.substring(url.indexOf("token=") + 6);

        Api.Reply page = api.get(url.substring(url.indexOf("/statements/") + 1));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<form method=\"post\""), page.body());
        JsonArray pending = (JsonArray) api.send("GET", "api/admin/statements/" + id + "/signatures", null, editor).jsonValue();
        assertFalse(pending.getJsonObject(0).getBoolean("confirmed"), "opening the link confirms nothing");

        Api.Reply confirmed = api.send(api.request("statements/confirm").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)));
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals("[]", api.get("api/statements/" + id + "/signatures").body(), "not shown before moderation");
        long signature = pending.getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(200, api.send("POST", "api/admin/statements/" + id + "/signatures/" + signature + "/approve", null, editor).status());
        JsonArray shown = (JsonArray) api.get("api/statements/" + id + "/signatures").jsonValue();
        assertEquals("Sindicato de Estibadores", shown.getJsonObject(0).getString("organisation"));
        assertFalse(shown.getJsonObject(0).getBoolean("statementChangedSince"));
        assertFalse(shown.toString().contains(email), "contact addresses are never public");

        JsonObject state = api.send("GET", "api/admin/documents/" + id, null, editor).json();
        assertEquals(200, api.send("PUT", "api/admin/documents/" + id, "{\"baseRevision\":" + state.getInt("revision")
                + ",\"changeKind\":\"meaning\",\"body\":\"We stand with the dock workers and their families.\"}", editor).status());
        assertTrue(((JsonArray) api.get("api/statements/" + id + "/signatures").jsonValue()).getJsonObject(0).getBoolean("statementChangedSince"));
        assertEquals(409, api.send("PUT", "api/admin/documents/" + id, "{\"baseRevision\":" + state.getInt("revision")
                + ",\"changeKind\":\"typo\",\"body\":\"Stale.\"}", editor).status());
    }

    @Test
    void aStrangersTextCannotAddHeaderLinesAndIsMailedAsPlainText() throws Exception {
        long id = publishedStatement("Solidarity with the bakers");
        String email = "bakers" + System.nanoTime() + "@example.org";
        for (String field : List.of("\"organisation\":\"Bakers\\r\\nBcc: everyone@example.org\",\"country\":\"Chile\"",
                "\"organisation\":\"Bakers\",\"country\":\"Chile\\nSubject: hijacked\"",
                "\"organisation\":\"Bakers\\u2028Click https://evil.example\",\"country\":\"Chile\"")) {
            Api.Reply refused = api.send("POST", "api/statements/" + id + "/signatures", "{" + field + ",\"email\":\"" + email + "\"}", null);
            assertEquals(400, refused.status(), field + " " + refused.body());
        }
        Api.Reply form = api.send(api.request("en/statements/" + id).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("organisation=Bakers%0D%0ABcc%3A+everyone%40example.org&country=Chile&email="
                        + email.replace("@", "%40"))));
        assertEquals(400, form.status(), "the reader site's form refuses it too");

        Api.Reply signed = api.send("POST", "api/statements/" + id + "/signatures",
                "{\"organisation\":\"Bakers <b>https://evil.example</b>\",\"country\":\"Chile\",\"email\":\"" + email + "\"}", null);
        assertEquals(202, signed.status(), signed.body());
        List<MimeMessage> received = awaitMails(email, 1);
        assertEquals(1, received.size(), "the refused requests sent nothing");
        MimeMessage mail = received.get(0);
        assertTrue(mail.isMimeType("text/plain"), "no HTML part in which a stranger's text could become a link");
        assertTrue(((String) mail.getContent()).contains("Bakers <b>https://evil.example</b>"));
        assertEquals(null, mail.getHeader("Bcc"));
    }

    @Test
    void oneAddressGetsAtMostFiveMailsADayFromSubscribingAndSigningTogetherAndTheAnswersDoNotChange() throws Exception {
        long id = publishedStatement("Solidarity with the miners");
        String email = subscribed("miners");
        String signing = "{\"organisation\":\"Miners\",\"country\":\"Bolivia\",\"email\":\"" + email + "\"}";
        Api.Reply first = api.send("POST", "api/statements/" + id + "/signatures", signing, null);
        assertEquals(202, first.status(), first.body());
        for (int i = 2; i <= 6; i++) {
            Api.Reply again = api.send("POST", "api/statements/" + id + "/signatures", signing, null);
            assertEquals(202, again.status(), "request " + i);
            assertEquals(first.body(), again.body(), "the answer beyond the cap is the same");
        }
        assertEquals(5, awaitMails(email, 5).size());
        await("the sixth mail of the day is not sent").during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> mailsTo(email).size(), n -> n == 5);

        // requests for one mailbox are throttled too: the tenth of the hour still passes, the eleventh waits
        for (int i = 8; i <= 10; i++) {
            assertEquals(202, api.send("POST", "api/statements/" + id + "/signatures", signing, null).status(), "request " + i);
        }
        Api.Reply throttled = api.send("POST", "api/statements/" + id + "/signatures", signing, null);
        assertEquals(429, throttled.status(), throttled.body());
        assertTrue(Long.parseLong(throttled.raw().headers().firstValue("Retry-After").orElseThrow()) > 0);
    }

    @Test
    void erasingASubscriberLeavesNoTraceOfTheirAddressInTheDailyCap() throws Exception {
        long id = publishedStatement("Solidarity with the nurses");
        String email = subscribed("nurses");
        String signing = "{\"organisation\":\"Nurses\",\"country\":\"Kenya\",\"email\":\"" + email + "\"}";
        for (int i = 0; i < 5; i++) {
            assertEquals(202, api.send("POST", "api/statements/" + id + "/signatures", signing, null).status());
        }
        assertEquals(5, awaitMails(email, 5).size());
        await("the cap is reached").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> mailsTo(email).size(), n -> n == 5);

        JsonObject found = api.send("GET", "api/admin/subscribers?q=" + email, null, editor).json();
        long subscriber = found.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(204, api.send("DELETE", "api/admin/subscribers/" + subscriber, null, editor).status());

        // the cap's rows for the address went with the subscriber: the next signature's mail goes out
        assertEquals(202, api.send("POST", "api/statements/" + id + "/signatures", signing, null).status());
        assertEquals(6, awaitMails(email, 6).size());
    }

    /** A fresh address that has asked to subscribe: the first mail of its day. */
    private String subscribed(String name) {
        String email = name + System.nanoTime() + "@example.org";
        assertEquals(202, api.send("POST", "api/subscriptions", "{\"email\":\"" + email + "\",\"languages\":[\"en\"]}", null).status());
        return email;
    }

    private long publishedStatement(String title) {
        JsonObject statement = create("statement", "en", title + " " + System.nanoTime(), "", "We stand with them.", null);
        long id = statement.getJsonNumber("id").longValue();
        publish(id, null);
        return id;
    }

    /** The mails to {@code email} once there are {@code count}, or those there are after ten seconds. */
    private static List<MimeMessage> awaitMails(String email, int count) {
        try {
            return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> mailsTo(email), m -> m.size() >= count);
        } catch (ConditionTimeoutException e) {
            return mailsTo(email);
        }
    }

    private static List<MimeMessage> mailsTo(String email) {
        return smtp.messagesTo(email);
    }

    @Test
    void xssVectorsRenderInert() {
        String body = String.join("\n\n", MarkdownRendererTest.VECTORS);
        JsonObject page = create("page", "en", "Vectors <script>alert(1)</script>", "", body, "\"slug\":\"xss-" + System.nanoTime() % 100000 + "\"");
        long id = page.getJsonNumber("id").longValue();
        publish(id, null);
        JsonObject read = read(id, "en");
        MarkdownRendererTest.assertInert("all vectors", read.getString("html"));
        assertEquals("Vectors <script>alert(1)</script>", read.getString("title"), "titles are text, escaped where rendered");
    }

    @Test
    void atomFeedsAreValidPerLanguage() throws Exception {
        JsonObject update = create("update", "en", "Feed entry " + System.nanoTime(), "For the feed", "Body for the **feed**.", null);
        publish(update.getJsonNumber("id").longValue(), null);
        Api.Reply feed = api.get("feeds/es/updates.atom");
        assertEquals(200, feed.status());
        assertTrue(feed.contentType().startsWith("application/atom+xml"));
        WireFeed parsed = new WireFeedInput().build(new StringReader(feed.body()));
        assertEquals("atom_1.0", parsed.getFeedType());
        Feed atom = (Feed) parsed;
        assertFalse(atom.getEntries().isEmpty());
        assertTrue(feed.body().contains("xml:lang=\"es\""), "the feed says its language");
        assertTrue(atom.getAlternateLinks().stream().anyMatch(l -> "alternate".equals(l.getRel()) && "fr".equals(l.getHreflang())));
        // an English update in the Spanish feed, its Markdown as HTML
        assertEquals("<p>Body for the <strong>feed</strong>.</p>\n", atom.getEntries().stream()
                .filter(e -> e.getId().endsWith("/api/documents/" + update.getJsonNumber("id").longValue())).findFirst()
                .orElseThrow(() -> new AssertionError("the new update is in the feed: " + feed.body())).getContents().get(0).getValue());
        assertEquals(404, api.get("feeds/es/nothing.atom").status());
        assertEquals(400, api.get("feeds/e$/updates.atom").status());
    }

    @Test
    void anAtomEntryWithoutSummaryIsSummarisedInTheBodysPlainWords() throws Exception {
        String title = "Summary entry " + System.nanoTime();
        JsonObject update = create("update", "en", title, "", "**Dockers** walk out: see [the strike guide](https://example.org/guide).\n\n"
                + "- hold the line\n- ✊🏽 share the fund", null);
        publish(update.getJsonNumber("id").longValue(), null);
        Feed atom = (Feed) new WireFeedInput().build(new StringReader(api.get("feeds/en/updates.atom").body()));
        com.rometools.rome.feed.atom.Entry entry = atom.getEntries().stream().filter(e -> e.getTitle().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("the new update is in the feed"));
        assertEquals("Dockers walk out: see the strike guide.\nhold the line\n✊🏽 share the fund", entry.getSummary().getValue());
    }

    @Test
    void listsSortTitlesByTheReadersCollation() {
        String suffix = " " + System.nanoTime();
        long zapato = create("page", "es", "Zapato" + suffix, "", "z", "\"slug\":\"z" + System.nanoTime() % 100000 + "\"").getJsonNumber("id").longValue();
        long arbol = create("page", "es", "Árbol" + suffix, "", "a", "\"slug\":\"a" + System.nanoTime() % 100000 + "\"").getJsonNumber("id").longValue();
        publish(zapato, null);
        publish(arbol, null);
        JsonArray items = api.get("api/documents?type=page&lang=es&sort=title").json().getJsonArray("items");
        List<String> titles = items.stream().map(v -> v.asJsonObject().getString("title")).filter(t -> t.endsWith(suffix)).toList();
        assertEquals(List.of("Árbol" + suffix, "Zapato" + suffix), titles, "Á sorts with A in Spanish, not after Z");
        assertEquals(400, api.get("api/documents?sort=random").status());
        assertEquals(400, api.get("api/documents?type=poster").status());
    }
}
