package org.internationale.search.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.awaitility.core.ConditionTimeoutException;
import org.internationale.testing.Api;
import org.internationale.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Search on the deployed application: scripts without spaces, fallback grouping, highlighting, near-real-time updates. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SearchIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
        // the first start fills the index in the background; wait for it as a reader would retry
        try {
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                    .until(() -> search("strike", "en").getInt("total") > 0);
        } catch (ConditionTimeoutException e) {
            // an index still empty is for each test to report, with what it searched for
        }
    }

    private JsonObject search(String q, String lang) {
        Api.Reply reply = api.get("api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&lang=" + lang);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void japaneseWithoutSpacesFindsTheHighlightedClause() {
        JsonObject result = search("労働者", "ja");
        assertTrue(result.getInt("total") > 0, result.toString());
        JsonObject first = result.getJsonArray("hits").getJsonObject(0);
        assertEquals("ja", first.getString("language"));
        assertTrue(first.getString("snippet").contains("<mark>"), first.toString());
        assertTrue(first.getString("url").startsWith("/ja/platform#"));
    }

    /** The seeded Spanish strategy reads "**Formar a posibles huelguistas** sobre cómo…" in Markdown. */
    @Test
    void snippetsShowReadersTheWordsNotTheMarkdown() {
        JsonObject hit = search("huelguistas", "es").getJsonArray("hits").getJsonObject(0);
        String snippet = hit.getString("snippet");
        assertTrue(snippet.startsWith("Formar a posibles <mark>huelguistas</mark> sobre cómo"), snippet);
        assertFalse(snippet.contains("*"), snippet);

        Api.Reply page = api.get("es/search?q=huelguistas");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Formar a posibles <mark>huelguistas</mark> sobre cómo"), "the reader site shows the same snippet");
        assertFalse(page.body().contains("**Formar"), "no Markdown on the reader's search page");
    }

    @Test
    void thaiSnippetsAreCutAroundTheMatchNotWholeParagraphs() {
        // Thai ends a sentence with a space or nothing, so sentence breaks alone made each passage a whole paragraph
        String sentence = "สหภาพแรงงานเรียกร้องค่าจ้างที่เป็นธรรมและวันหยุดพักผ่อนสำหรับทุกคน ";
        String body = sentence.repeat(10) + "\n\n" + sentence.repeat(5) + "คนงานท่าเรือนัดหยุดงานทั้งเมือง " + sentence.repeat(5)
                + "\n\n" + sentence.repeat(10);
        String editor = Api.basic("admin", Api.ADMIN_PASSWORD);
        Api.Reply created = api.send("POST", "api/admin/documents", Json.createObjectBuilder().add("type", "update").add("language", "th")
                .add("title", "ข่าวการนัดหยุดงาน").add("summary", "").add("body", body).build().toString(), editor);
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals(200, api.send("POST", "api/admin/documents/" + id + "/publish", "{}", editor).status());

        JsonObject first = search("ท่าเรือ", "th").getJsonArray("hits").getJsonObject(0);
        assertTrue(first.getString("id").startsWith("doc:" + id + ":"), first.toString());
        String snippet = first.getString("snippet");
        assertTrue(snippet.contains("<mark>ท่าเรือ</mark>"), snippet);
        int shown = snippet.replaceAll("</?mark>", "").length();
        assertTrue(shown <= 250, shown + " characters shown of a paragraph of " + sentence.length() * 10 + ": " + snippet);
    }

    @Test
    void arabicHindiAndChineseFindTheirOwnLanguage() {
        for (String[] query : List.of(new String[]{"الإضراب", "ar"}, new String[]{"मज़दूर", "hi"}, new String[]{"工人", "zh-Hans"},
                new String[]{"забастовки", "ru"})) {
            JsonObject result = search(query[0], query[1]);
            assertTrue(result.getInt("total") > 0, query[1] + ": " + result);
            assertEquals(query[1], result.getJsonArray("hits").getJsonObject(0).getString("language"), result.toString());
        }
    }

    @Test
    void groupsCollapseAcrossTheFallbackChain() {
        JsonObject result = search("Medicare", "pt-BR");
        JsonObject first = result.getJsonArray("hits").getJsonObject(0);
        assertEquals("pt-BR", first.getString("language"));
        assertEquals("[\"en\"]", first.getJsonArray("alsoIn").toString(), "the English original is listed, not repeated");
        JsonObject facets = result.getJsonObject("facets");
        assertTrue(facets.getJsonObject("type").containsKey("platform"));
        JsonObject hebrew = search("strike", "he");
        assertEquals("en", hebrew.getJsonArray("hits").getJsonObject(0).getString("language"), "no Hebrew yet: English follows");
    }

    @Test
    void publishingIsSearchableAtOnceAndUnpublishingRemovesIt() {
        String word = "quorumtestword" + System.nanoTime() % 100000;
        String editor = Api.basic("admin", Api.ADMIN_PASSWORD);
        Api.Reply created = api.send("POST", "api/admin/documents", Json.createObjectBuilder().add("type", "update").add("language", "en")
                .add("title", "Strike news " + word).add("summary", "").add("body", "The " + word + " was reached.").build().toString(), editor);
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals(0, search(word, "en").getInt("total"), "drafts are not searchable");
        api.send("POST", "api/admin/documents/" + id + "/publish", "{}", editor);
        JsonObject found = search(word, "en");
        assertEquals(1, found.getInt("total"), "visible right after publishing");
        assertEquals("update", found.getJsonArray("hits").getJsonObject(0).getString("type"));
        api.send("POST", "api/admin/documents/" + id + "/unpublish", null, editor);
        assertEquals(0, search(word, "en").getInt("total"));
    }

    @Test
    void noInputCausesAnError() {
        for (String q : List.of("\"unbalanced", "-", "OR", "OR OR", "a OR", "*", "a*", "strike~2", "(((", ")",
                "x".repeat(7_000), "strike ".repeat(1_000), "\"\"", "-strike", "+", "|")) {
            Api.Reply reply = api.get("api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&lang=en");
            assertEquals(200, reply.status(), q.length() > 30 ? "long query" : q);
        }
        // 10 000 characters fit the 32 KiB request line of src/main/payara/pre-boot-commands.txt: answered
        Api.Reply huge = api.get("api/search?q=" + "x".repeat(10_000) + "&lang=en");
        assertEquals(200, huge.status(), "status " + huge.status());
        // past that the HTTP parser refuses the request itself: a 400, never a 500
        Api.Reply larger = api.get("api/search?q=" + "x".repeat(40_000) + "&lang=en");
        assertTrue(larger.status() >= 400 && larger.status() < 500, "status " + larger.status());
        assertEquals(400, api.get("api/search?q=x&size=1000").status());
        // control characters are refused at the API's edge like in every other text (TextInput), not searched for
        assertEquals(400, api.get("api/search?q=" + URLEncoder.encode("\u0000\u0007", StandardCharsets.UTF_8) + "&lang=en").status());
        assertEquals(400, api.get("api/search?q=x&lang=e$").status());
    }

    @Test
    void phrasesAndExclusions() {
        int all = search("working class", "en").getInt("total");
        int phrase = search("\"working class\"", "en").getInt("total");
        assertTrue(phrase > 0 && phrase <= all, phrase + " of " + all);
        int without = search("\"working class\" -landlords", "en").getInt("total");
        assertTrue(without < phrase, without + " < " + phrase);
    }

    /**
     * Each language's average nDCG@10 must reach this, and its mean reciprocal rank {@link #MIN_MRR} (stated in
     * bench/README.md with the figures). At the time of writing every language scores 1.0 except Turkish (0.667): Snowball's
     * Turkish stemmer cuts "göçmenlerin" to "göçme" but "göçmenler" to "göçmen", so that query finds nothing.
     */
    static final double MIN_NDCG = 0.6;
    static final double MIN_MRR = 0.6;
    /** The languages added with the 32-language platform whose judgments must reach a stricter nDCG@10 (issue 26). */
    static final java.util.Set<String> STRICT = java.util.Set.of("pl", "vi", "ur", "zh-Hant", "th");
    static final double STRICT_NDCG = 0.8;

    @Test
    void handJudgedQueriesRankRelevantTextsFirstInEveryLanguage() throws Exception {
        String editor = Api.basic("admin", Api.ADMIN_PASSWORD);
        java.util.Map<String, String> documents = new java.util.HashMap<>();
        String[][] thai = {{"strike", "สิทธิ์ในการนัดหยุดงานของคนงาน", "คนงานทุกคนต้องมีสิทธิ์นัดหยุดงานโดยไม่ถูกลงโทษ"},
                {"housing", "ที่อยู่อาศัยสำหรับทุกคน", "ทุกคนควรมีที่อยู่อาศัยที่ปลอดภัยและมั่นคง"}};
        for (String[] doc : thai) {
            Api.Reply created = api.send("POST", "api/admin/documents", Json.createObjectBuilder().add("type", "page").add("language", "th")
                    .add("title", doc[1]).add("summary", "").add("body", doc[2]).build().toString(), editor);
            assertEquals(201, created.status(), created.body());
            long id = created.json().getJsonNumber("id").longValue();
            api.send("POST", "api/admin/documents/" + id + "/publish", "{}", editor);
            documents.put("doc:" + id, "@" + doc[0]);
        }
        java.util.Map<String, List<double[]>> byLanguage = new java.util.TreeMap<>();
        String judgments = new String(SearchIT.class.getResourceAsStream("/relevance/judgments.tsv").readAllBytes(), StandardCharsets.UTF_8);
        for (String line : judgments.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            List<String> relevant = List.of(cells[2].split(","));
            List<String> ranked = new java.util.ArrayList<>();
            for (var hit : search(cells[1], cells[0]).getJsonArray("hits")) {
                String id = hit.asJsonObject().getString("id");
                String group = id.substring(0, id.lastIndexOf(':'));
                ranked.add(group.startsWith("clause:") ? group.substring(7) : documents.getOrDefault(group, group));
            }
            byLanguage.computeIfAbsent(cells[0], l -> new java.util.ArrayList<>()).add(new double[]{ndcg(ranked, relevant), mrr(ranked, relevant)});
        }
        assertTrue(byLanguage.size() >= 25, "judgments for at least 25 languages, every new one among them: " + byLanguage.keySet());
        assertTrue(byLanguage.keySet().containsAll(List.of("pl", "vi", "ur", "zh-Hant", "th", "km", "my", "ta", "am", "ha", "ne", "ro", "fil", "he")),
                "a query in each language added with the 32-language platform");
        StringBuilder report = new StringBuilder("language  nDCG@10  MRR\n");
        List<String> failing = new java.util.ArrayList<>();
        for (var entry : byLanguage.entrySet()) {
            double ndcg = entry.getValue().stream().mapToDouble(v -> v[0]).average().orElse(0);
            double mrr = entry.getValue().stream().mapToDouble(v -> v[1]).average().orElse(0);
            report.append(String.format(java.util.Locale.ROOT, "%-8s  %.3f    %.3f%n", entry.getKey(), ndcg, mrr));
            if (ndcg < (STRICT.contains(entry.getKey()) ? STRICT_NDCG : MIN_NDCG) || mrr < MIN_MRR) {
                failing.add(entry.getKey());
            }
        }
        System.out.println(report);
        assertEquals(List.of(), failing, report.toString());
    }

    /** Normalised discounted cumulative gain at 10: the first relevant result counts 2, the others 1. */
    static double ndcg(List<String> ranked, List<String> relevant) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            int index = relevant.indexOf(ranked.get(i));
            int grade = index < 0 ? 0 : index == 0 ? 2 : 1;
            dcg += (Math.pow(2, grade) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(10, relevant.size()); i++) {
            int grade = i == 0 ? 2 : 1;
            ideal += (Math.pow(2, grade) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return dcg / ideal;
    }

    static double mrr(List<String> ranked, List<String> relevant) {
        for (int i = 0; i < ranked.size(); i++) {
            if (relevant.contains(ranked.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    @Test
    void typeAheadAndDidYouMean() {
        Api.Reply suggest = api.get("api/search/suggest?q=" + URLEncoder.encode("Huel", StandardCharsets.UTF_8) + "&lang=es");
        assertEquals(200, suggest.status(), suggest.body());
        assertTrue(suggest.json().getJsonArray("suggestions").stream().anyMatch(v -> v.toString().contains("Huelga")), suggest.body());
        assertEquals("[]", api.get("api/search/suggest?q=&lang=es").json().getJsonArray("suggestions").toString());
        JsonObject misspelt = search("landlrods", "en");
        assertEquals("landlords", misspelt.getString("suggestion"), misspelt.toString());
        JsonObject correct = search("landlords", "en");
        assertTrue(!correct.containsKey("suggestion") || correct.isNull("suggestion"), "no suggestion when the word is known");
    }

    @Test
    void translatorsSeeTheTokens() {
        Api.Reply reply = api.send("GET", "api/admin/search/analyze?lang=tr&text=" + URLEncoder.encode("İSTANBUL işçileri", StandardCharsets.UTF_8),
                null, Api.basic("admin", Api.ADMIN_PASSWORD));
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().getJsonArray("body_tr").toString().contains("istanbul"), reply.body());
        assertFalse(reply.json().getJsonArray("body_all").isEmpty());
    }

    @Test
    void adminsSeeTheIndexStatus() {
        String admin = Api.basic("admin", Api.ADMIN_PASSWORD);
        Api.Reply reply;
        try {
            reply = await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.send("GET", "api/admin/search/status", null, admin), r -> r.status() != 200 || !r.json().getBoolean("rebuilding"));
        } catch (ConditionTimeoutException e) {
            reply = api.send("GET", "api/admin/search/status", null, admin);
        }
        assertEquals(200, reply.status(), reply.body());
        JsonObject status = reply.json();
        assertEquals(org.internationale.search.control.SearchIndex.SCHEMA_VERSION, status.getInt("schemaVersion"), reply.body());
        assertTrue(status.getInt("texts") > 0, reply.body());
        assertFalse(status.getBoolean("rebuilding"), reply.body());
        // absent when the index was already there at start-up: JSON-B leaves out what is null
        if (status.containsKey("lastRebuild")) {
            JsonObject rebuild = status.getJsonObject("lastRebuild");
            // every group has at least its source text
            assertTrue(rebuild.getInt("groups") > 0 && rebuild.getInt("texts") >= rebuild.getInt("groups"), reply.body());
            assertFalse(java.time.Instant.parse(rebuild.getString("finishedAt")).isAfter(java.time.Instant.now()), reply.body());
        }
    }
}
