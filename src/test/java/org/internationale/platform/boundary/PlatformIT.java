package org.internationale.platform.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.internationale.testing.Api;
import org.internationale.testing.Deployments;
import org.internationale.testing.Project;
import org.internationale.text.control.PoReader;
import org.internationale.text.entity.PoEntry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployed application as readers and editors use it: the platform in many languages with honest
 * fallback and outdated flags, errors as problem details, the admin entry point behind a login.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return new Api(base);
    }

    private static String shipped(String language, String clauseId) throws Exception {
        String po = Files.readString(Project.translations().resolve(language).resolve("platform.po"), StandardCharsets.UTF_8);
        return PoReader.read(po).entries().stream().filter(e -> clauseId.equals(e.context()))
                .map(PoEntry::translation).findFirst().orElseThrow();
    }

    /** All clauses of a platform response, titles included, depth first. */
    private static List<JsonObject> clauses(JsonObject platform) {
        List<JsonObject> all = new ArrayList<>();
        collect(platform.getJsonArray("sections"), all);
        return all;
    }

    private static void collect(JsonArray sections, List<JsonObject> into) {
        for (JsonValue value : sections) {
            JsonObject section = value.asJsonObject();
            into.add(section.getJsonObject("title"));
            section.getJsonArray("clauses").forEach(c -> into.add(c.asJsonObject()));
            collect(section.getJsonArray("sections"), into);
        }
    }

    private static JsonObject clause(JsonObject platform, String id) {
        return clauses(platform).stream().filter(c -> c.getString("id").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void servesTheWholePlatformInSpanish() throws Exception {
        Api.Reply reply = api().get("api/platform?lang=es");
        assertEquals(200, reply.status());
        assertEquals("es", reply.contentLanguage());
        JsonObject platform = reply.json();
        assertEquals("es", platform.getString("language"));
        List<JsonObject> clauses = clauses(platform);
        assertEquals(70, clauses.size(), "17 section titles and 53 clauses");
        JsonObject sickLeave = clause(platform, "demands.fair-treatment.sick-leave");
        assertEquals(shipped("es", "demands.fair-treatment.sick-leave"), sickLeave.getString("text"));
        assertEquals("es", sickLeave.getString("language"));
        assertFalse(sickLeave.getBoolean("fallback"));
        assertFalse(sickLeave.getBoolean("reviewed"), "a machine translation awaiting a fluent reviewer is not presented as reviewed");
        assertTrue(sickLeave.getString("html").startsWith("<p>"));
        JsonObject demands = platform.getJsonArray("sections").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("id").equals("demands")).findFirst().orElseThrow();
        assertEquals(6, demands.getJsonArray("sections").size());
        assertEquals("VI", demands.getJsonArray("sections").getJsonObject(5).getString("numeral"));
    }

    @Test
    void thePublicPlatformIsKeptAsWrittenAndAnsweredNotModifiedByItsEntityTag() {
        Api.Reply first = api().get("api/platform?lang=fr");
        assertEquals(200, first.status());
        String etag = first.raw().headers().firstValue("ETag").orElseThrow();
        assertEquals("public, max-age=0, s-maxage=1, stale-while-revalidate=30, stale-if-error=86400",
                first.raw().headers().firstValue("Cache-Control").orElseThrow());
        Api.Reply kept = api().get("api/platform?lang=fr");
        assertEquals(first.body(), kept.body());
        assertEquals("fr", kept.contentLanguage(), "a kept answer says its language as the first did");
        assertEquals("Accept-Language", kept.raw().headers().firstValue("Vary").orElse(""));
        assertTrue(kept.raw().headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"),
                "a kept answer is sent before JAX-RS, with the security headers all answers have");
        for (Api.Reply reply : List.of(first, kept)) {
            assertEquals(String.valueOf(reply.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                    reply.raw().headers().firstValue("Content-Length").orElse("chunked"), "a kept answer says its length");
        }
        Api.Reply unchanged = api().get("api/platform?lang=fr", "If-None-Match", etag);
        assertEquals(304, unchanged.status());
        assertEquals("", unchanged.body());
    }

    @Test
    void servesArabicRightToLeft() throws Exception {
        JsonObject platform = api().get("api/platform?lang=ar").json();
        assertEquals("rtl", platform.getString("direction"));
        JsonObject pledge = clause(platform, "pledge.tactical-unity");
        assertEquals("rtl", pledge.getString("direction"));
        assertEquals(shipped("ar", "pledge.tactical-unity"), pledge.getString("text"));
    }

    @Test
    void servesJapanese() throws Exception {
        Api.Reply reply = api().get("api/platform?lang=ja");
        assertEquals("ja", reply.contentLanguage());
        JsonObject objective = clause(reply.json(), "objectives.protect-workers");
        assertEquals(shipped("ja", "objectives.protect-workers"), objective.getString("text"));
        assertEquals("ltr", objective.getString("direction"));
    }

    @Test
    void aMachineTranslationAwaitingReviewIsServedInItsLanguageAndSaysSo() throws Exception {
        Api.Reply reply = api().get("api/platform?lang=he");
        assertEquals("he", reply.contentLanguage());
        JsonObject platform = reply.json();
        assertEquals("he", platform.getString("language"));
        assertEquals("rtl", platform.getString("direction"));
        JsonObject clause = clause(platform, "strategies.basic");
        assertEquals("he", clause.getString("language"));
        assertFalse(clause.getBoolean("fallback"));
        assertFalse(clause.getBoolean("reviewed"));
        assertEquals("rtl", clause.getString("direction"));
        assertEquals(shipped("he", "strategies.basic"), clause.getString("text"));
        String page = api().get("he/platform").body();
        assertTrue(page.contains("class=\"notice notice-unreviewed\""), "the page says it is not reviewed yet");
    }

    @Test
    void negotiatesDownTheChainAndByAcceptLanguage() {
        Api.Reply portuguese = api().get("api/platform?lang=pt-PT");
        assertEquals("pt-BR", portuguese.contentLanguage());
        assertEquals("pt-PT", portuguese.json().getString("requested"));
        Api.Reply german = api().get("api/platform", "Accept-Language", "de-AT, de;q=0.9, en;q=0.3");
        assertEquals("de", german.contentLanguage());
        Api.Reply nothing = api().get("api/platform");
        assertEquals("en", nothing.contentLanguage());
        assertEquals("en", clause(nothing.json(), "pledge.tactical-unity").getString("language"));
    }

    @Test
    void illFormedLanguageIsA400ProblemDetail() {
        Api.Reply reply = api().get("api/platform?lang=e$$");
        assertEquals(400, reply.status());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        JsonObject problem = reply.json();
        assertEquals(400, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains("e$$"), problem.getString("detail"));
        assertEquals(400, api().get("api/platform/clauses/pledge.tactical-unity?lang=-").status());
    }

    @Test
    void oneClauseWithItsSourceHistory() {
        Api.Reply reply = api().get("api/platform/clauses/demands.housing.halt-evictions?lang=fr");
        assertEquals(200, reply.status());
        JsonObject clause = reply.json();
        assertEquals("fr", clause.getString("language"));
        assertEquals("demands.housing", clause.getString("section"));
        JsonObject first = clause.getJsonArray("revisions").getJsonObject(0);
        assertEquals(1, first.getInt("number"));
        assertFalse(java.time.Instant.parse(first.getString("time")).isAfter(java.time.Instant.now()), first.toString());
        assertEquals("seed", first.getString("author"));
        Api.Reply original = api().get("api/platform/clauses/demands.housing.halt-evictions/revisions/1");
        assertEquals("Immediate cessation of all eviction and foreclosure proceedings for the duration of the pandemic.",
                original.json().getString("text"));
        assertEquals(first.getString("time"), original.json().getString("time"), "the history and the revision agree on its time");

        Api.Reply unknown = api().get("api/platform/clauses/demands.no-such-clause");
        assertEquals(404, unknown.status());
        assertTrue(unknown.contentType().startsWith("application/problem+json"));
        assertEquals(404, api().get("api/platform/clauses/demands.housing.halt-evictions/revisions/999").status());
    }

    private int latestRevision(String id) {
        return api().get("api/platform/clauses/" + id).json().getInt("sourceRevision");
    }

    private Api.Reply revise(String id, String text, int base, String kind) {
        String body = "{\"text\":\"" + text + "\",\"baseRevision\":" + base + ",\"changeKind\":\"" + kind
                + "\",\"message\":\"integration test\"}";
        return api().putJson("api/admin/platform/clauses/" + id, body, Api.basic("admin", Api.ADMIN_PASSWORD));
    }

    @Test
    void aMeaningChangeMarksTranslationsOutdatedButStillServesThem() throws Exception {
        String id = "demands.free-detainees.end-cash-bail";
        int base = latestRevision(id);
        Api.Reply revised = revise(id, "Immediate and permanent abolition of the for-profit cash bail system " + System.nanoTime() + ".", base, "meaning");
        assertEquals(200, revised.status(), revised.body());
        assertEquals(base + 1, revised.json().getInt("revision"));

        JsonObject spanish = api().get("api/platform/clauses/" + id + "?lang=es").json();
        assertEquals("es", spanish.getString("language"));
        assertTrue(spanish.getBoolean("outdated"));
        assertEquals(shipped("es", id), spanish.getString("text"), "an outdated translation is still served, flagged");
        assertTrue(clause(api().get("api/platform?lang=ja").json(), id).getBoolean("outdated"));
        JsonObject english = api().get("api/platform/clauses/" + id + "?lang=en").json();
        assertFalse(english.getBoolean("outdated"));
        assertEquals(base + 1, english.getJsonArray("revisions").size());
    }

    /** A heading is a text of the platform like any clause: revised, fetched with its history, outdated in translation. */
    @Test
    void editorsReviseASectionHeadingLikeAnyClause() {
        String id = "working-class.title";
        Api.Reply before = api().get("api/platform/clauses/" + id + "?lang=es");
        assertEquals(200, before.status(), before.body());
        assertEquals("title", before.json().getString("form"));
        assertEquals("working-class", before.json().getString("section"));
        assertEquals("es", before.json().getString("language"));
        int base = before.json().getInt("sourceRevision");

        String heading = "How We Define the Working Class Today " + System.nanoTime();
        Api.Reply revised = revise(id, heading, base, "meaning");
        assertEquals(200, revised.status(), revised.body());
        assertEquals(base + 1, revised.json().getInt("revision"));

        JsonObject spanish = api().get("api/platform/clauses/" + id + "?lang=es").json();
        assertTrue(spanish.getBoolean("outdated"), spanish.toString());
        assertEquals(before.json().getString("text"), spanish.getString("text"), "the outdated translation is still served");
        assertEquals(base + 1, spanish.getJsonArray("revisions").size());
        assertEquals("How We Define the Working Class", api().get("api/platform/clauses/" + id + "/revisions/1").json().getString("text"));
        JsonObject section = api().get("api/platform?lang=en").json().getJsonArray("sections").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("id").equals("working-class")).findFirst().orElseThrow();
        assertEquals(heading, section.getJsonObject("title").getString("text"));
        String page = api().get("es/platform").body();
        int start = page.indexOf("<section id=\"working-class\"");
        String headingPart = page.substring(start, page.indexOf(" id=\"working-class-title\"", start));
        assertTrue(headingPart.contains("notice-outdated"), "the reader page says the Spanish heading lags: " + headingPart);

        assertEquals(409, revise(id, "From an old copy", base, "wording").status());
        Api.Reply twoLines = revise(id, "A heading\\nover two lines", base + 1, "wording");
        assertEquals(400, twoLines.status(), twoLines.body());
        assertTrue(twoLines.json().getString("detail").contains("one line"), twoLines.body());
        assertEquals(404, api().get("api/platform/clauses/no-such-section.title").status());
        assertEquals(404, revise("no-such-section.title", "x", 1, "typo").status());
        assertEquals(base + 1, latestRevision(id), "the refused edits stored nothing");
    }

    @Test
    void aTypoFixKeepsTranslationsCurrent() {
        String id = "demands.free-detainees.raid-moratorium";
        int base = latestRevision(id);
        assertFalse(api().get("api/platform/clauses/" + id + "?lang=de").json().getBoolean("outdated"));
        Api.Reply revised = revise(id, "A moratorium on all immigration raids and homeless-camp sweeps" + " ".repeat(0) + (base % 2 == 0 ? "." : "!"), base, "typo");
        assertEquals(200, revised.status(), revised.body());
        assertEquals("typo", revised.json().getString("changeKind"));
        JsonObject german = api().get("api/platform/clauses/" + id + "?lang=de").json();
        assertFalse(german.getBoolean("outdated"));
        assertEquals("de", german.getString("language"));
    }

    @Test
    void aStaleBaseRevisionIsAConflictThatLosesNothing() {
        String id = "strategies.activities.fundraising";
        int base = latestRevision(id);
        assertEquals(200, revise(id, "**Fundraising** for organizations and communities in need " + System.nanoTime() + ".", base, "wording").status());
        Api.Reply stale = revise(id, "**Fundraising** written from an old copy.", base, "wording");
        assertEquals(409, stale.status());
        assertTrue(stale.contentType().startsWith("application/problem+json"));
        assertEquals(base + 1, stale.json().getInt("currentRevision"));
        assertTrue(stale.json().getString("currentText").startsWith("**Fundraising** for organizations"));
        assertEquals(base + 1, latestRevision(id));
    }

    @Test
    void badEditsAreRefusedWithReasons() {
        String id = "strategies.activities.skills";
        int base = latestRevision(id);
        Api.Reply noKind = api().putJson("api/admin/platform/clauses/" + id, "{\"text\":\"x\",\"baseRevision\":" + base + "}",
                Api.basic("admin", Api.ADMIN_PASSWORD));
        assertEquals(400, noKind.status());
        assertTrue(noKind.json().getString("detail").contains("change kind"), noKind.body());
        Api.Reply broken = api().putJson("api/admin/platform/clauses/" + id, "{\"text\": ", Api.basic("admin", Api.ADMIN_PASSWORD));
        assertEquals(400, broken.status(), broken.body());
        assertEquals(404, revise("no.such.clause", "x", 1, "typo").status());
        assertEquals(base, latestRevision(id), "nothing was stored");
    }

    @Test
    void administrationNeedsALogin() {
        Api.Reply anonymous = api().get("api/admin/me");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertTrue(anonymous.contentType().startsWith("application/problem+json"), anonymous.contentType());
        assertEquals(401, anonymous.json().getInt("status"));
        // under /api every error is problem+json; the rest of the root belongs to the reader site (HTML 404 pages)
        Api.Reply nowhere = api().get("api/no/such/page");
        assertEquals(404, nowhere.status());
        assertTrue(nowhere.contentType().startsWith("application/problem+json"), nowhere.contentType());
        Api.Reply wrong = api().send(api().request("api/admin/me").header("Authorization", Api.basic("admin", "guess")));
        assertEquals(401, wrong.status());
        Api.Reply admin = api().asAdmin(api().request("api/admin/me"));
        assertEquals(200, admin.status());
        assertEquals("admin", admin.json().getString("username"));
        assertEquals(401, api().putJson("api/admin/platform/clauses/pledge.tactical-unity",
                "{\"text\":\"x\",\"baseRevision\":1,\"changeKind\":\"typo\"}", null).status());
    }

    @Test
    void languagesTellNamesDirectionAndCompleteness() {
        JsonArray languages = (JsonArray) api().get("api/languages").jsonValue();
        JsonObject arabic = find(languages, "ar");
        assertEquals("العربية", arabic.getString("nativeName"));
        assertEquals("rtl", arabic.getString("direction"));
        assertEquals(32, languages.size());
        for (JsonValue value : languages) {
            JsonObject language = value.asJsonObject();
            double complete = language.getJsonNumber("complete").doubleValue();
            // other classes change a few clauses' sources, which may leave some translations outdated
            assertTrue(complete > 0.9, language + ": the platform is there, reviewed or awaiting review, never silently English");
            assertEquals(complete, language.getJsonNumber("reviewed").doubleValue() + language.getJsonNumber("awaitingReview").doubleValue(), 0.002,
                    language.toString());
        }
        assertTrue(arabic.getJsonNumber("awaitingReview").doubleValue() > 0.9, "the shipped Arabic awaits a fluent reviewer");
        assertEquals(1.0, find(languages, "en").getJsonNumber("reviewed").doubleValue(), "the source is its own");
        assertEquals("[\"pt-BR\",\"en\"]", find(languages, "pt-BR").getJsonArray("fallbackChain").toString());
        assertEquals("[\"zh-Hant\",\"zh-Hans\",\"en\"]", find(languages, "zh-Hant").getJsonArray("fallbackChain").toString(),
                "Traditional Chinese falls back to Simplified, converted, before English");
    }

    private static JsonObject find(JsonArray languages, String tag) {
        return languages.stream().map(JsonValue::asJsonObject).filter(l -> l.getString("tag").equals(tag)).findFirst().orElseThrow();
    }

    @Test
    void readinessAndOpenApi() {
        Api.Reply ready = api().get("health/ready");
        assertEquals(200, ready.status());
        assertEquals("UP", ready.json().getString("status"));
        Api.Reply openapi = api().get("openapi");
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/platform"), "the OpenAPI document lists the platform endpoint");
    }
}
