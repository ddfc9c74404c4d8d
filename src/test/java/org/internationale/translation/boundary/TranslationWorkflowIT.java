package org.internationale.translation.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.internationale.testing.Api;
import org.internationale.testing.Deployments;
import org.internationale.testing.Gettext;
import org.internationale.text.control.PoReader;
import org.internationale.text.control.PoWriter;
import org.internationale.text.entity.PoEntry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The translation workflow on the deployed application: outdated translations with the source diff, review,
 * concurrent edits, translation memory, glossary warnings, progress, and PO/XLIFF files that round-trip.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TranslationWorkflowIT {

    private static final String PASSWORD = "translation workflow passphrase";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private String translator;
    private String reviewer;
    private final String editor = Api.basic("admin", Api.ADMIN_PASSWORD);

    @BeforeEach
    void accounts() {
        api = new Api(base);
        translator = account("tw-translator", "\"roles\":[\"translator\"],\"languages\":[\"es\",\"pt-BR\",\"it\"]");
        reviewer = account("tw-reviewer", "\"roles\":[\"reviewer\"],\"languages\":[\"es\",\"pt-BR\",\"it\"]");
    }

    private String account(String username, String grants) {
        return api.account(username, PASSWORD, grants);
    }

    private JsonObject view(String lang, String id) {
        Api.Reply reply = api.send("GET", "api/admin/translations/" + lang + "/" + id, null, translator);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private Api.Reply save(String lang, String id, String text, int base, String extra) {
        return api.send("PUT", "api/admin/translations/" + lang + "/" + id, "{\"text\":\"" + text + "\",\"baseRevision\":" + base
                + (extra == null ? "" : "," + extra) + "}", translator);
    }

    private Api.Reply act(String lang, String id, String action, String body, String who) {
        return api.send("POST", "api/admin/translations/" + lang + "/" + id + "/" + action, body, who);
    }

    private int reviseSource(String id, String text, String kind) {
        int base = api.get("api/platform/clauses/" + id).json().getInt("sourceRevision");
        Api.Reply revised = api.send("PUT", "api/admin/platform/clauses/" + id, "{\"text\":\"" + text + "\",\"baseRevision\":" + base
                + ",\"changeKind\":\"" + kind + "\",\"message\":\"workflow test\"}", editor);
        assertEquals(200, revised.status(), revised.body());
        return revised.json().getInt("revision");
    }

    private JsonObject publicClause(String lang, String id) {
        return api.get("api/platform/clauses/" + id + "?lang=" + lang).json();
    }

    @Test
    void aMeaningChangeShowsTheTranslatorAWordDiff() {
        String id = "demands.housing.shelter-for-all";
        assertEquals("submitted", view("es", id).getString("state"), "the shipped translation awaits a fluent reviewer");
        reviseSource(id, "Guaranteed permanent housing for all who lack shelter.", "meaning");
        JsonObject outdated = view("es", id);
        assertEquals("outdated", outdated.getString("state"));
        assertEquals("Guaranteed housing for all who lack shelter to self-quarantine.", outdated.getString("basedOnSourceText"));
        JsonArray changes = outdated.getJsonArray("sourceChanges");
        assertTrue(changes.contains(jsonRun("insert", "permanent ")), changes.toString());
        assertTrue(changes.stream().map(JsonValue::asJsonObject).anyMatch(r -> r.getString("op").equals("delete")
                && r.getString("text").contains("self-quarantine")), changes.toString());
        assertFalse(outdated.getJsonArray("history").isEmpty());
        JsonObject progress = api.send("GET", "api/admin/translations/es", null, translator).json();
        assertTrue(progress.getJsonObject("counts").getJsonObject("outdated").getInt("segments") >= 1);
        assertEquals("outdated", progress.getJsonArray("work").getJsonObject(0).getString("state"), "outdated comes first");
    }

    private static JsonObject jsonRun(String op, String text) {
        return jakarta.json.Json.createObjectBuilder().add("op", op).add("text", text).build();
    }

    @Test
    void aTypoFixKeepsTheTranslationCurrent() {
        String id = "demands.free-detainees.migrant-detainees";
        reviseSource(id, "Immediate release of all migrant detainees" + (System.nanoTime() % 2 == 0 ? "!" : "."), "typo");
        assertEquals("submitted", view("es", id).getString("state"), "still awaiting review, and still current");
        assertFalse(publicClause("es", id).getBoolean("outdated"));
    }

    @Test
    void reviewDecidesWhatReadersGetAndNothingIsLost() {
        String id = "demands.no-payments.debt-amnesty";
        JsonObject before = view("es", id);
        int base = before.getInt("revision");
        // the shipped translation awaits review and readers get it marked so, until a reviewer approves it
        assertEquals("submitted", before.getString("state"));
        assertFalse(publicClause("es", id).getBoolean("reviewed"));
        assertEquals(200, act("es", id, "approve", "{\"revision\":" + base + "}", reviewer).status());
        assertTrue(publicClause("es", id).getBoolean("reviewed"));
        String approvedText = publicClause("es", id).getString("text");

        Api.Reply draft = save("es", id, "Condonación de deudas durante el brote + 3 meses.", base, null);
        assertEquals(200, draft.status(), draft.body());
        assertEquals("draft", draft.json().getString("state"));
        assertEquals(approvedText, publicClause("es", id).getString("text"), "readers keep the approved revision");

        Api.Reply concurrent = save("es", id, "Otra versión escrita a la vez.", base, null);
        assertEquals(409, concurrent.status());
        assertEquals("Condonación de deudas durante el brote + 3 meses.", concurrent.json().getString("currentText"));
        assertEquals("Otra versión escrita a la vez.", concurrent.json().getString("yourText"), "nothing typed is lost");

        int revision = draft.json().getInt("revision");
        assertEquals("submitted", act("es", id, "submit", "{\"revision\":" + revision + "}", translator).json().getString("state"));
        assertEquals(403, act("es", id, "approve", "{\"revision\":" + revision + "}", translator).status(), "translators do not approve");
        Api.Reply sentBack = act("es", id, "send-back", "{\"revision\":" + revision + ",\"comment\":\"Usa «amnistía», como el resto.\"}", reviewer);
        assertEquals(200, sentBack.status(), sentBack.body());
        assertEquals("draft", sentBack.json().getString("state"));
        assertEquals("Usa «amnistía», como el resto.", sentBack.json().getString("reviewComment"));

        Api.Reply fixed = save("es", id, "Amnistía de deudas durante el brote y 3 meses más.", revision, null);
        int fixedRevision = fixed.json().getInt("revision");
        act("es", id, "submit", "{\"revision\":" + fixedRevision + "}", translator);
        assertEquals(409, act("es", id, "approve", "{\"revision\":" + revision + "}", reviewer).status(), "approve what you read");
        Api.Reply approved = act("es", id, "approve", "{\"revision\":" + fixedRevision + "}", reviewer);
        assertEquals("approved", approved.json().getString("state"));
        JsonObject served = publicClause("es", id);
        assertEquals("Amnistía de deudas durante el brote y 3 meses más.", served.getString("text"));
        assertTrue(served.getBoolean("reviewed"));

        // any revision can be restored, as a new draft
        Api.Reply restored = act("es", id, "restore", "{\"revision\":" + base + ",\"baseRevision\":" + fixedRevision + "}", translator);
        assertEquals(200, restored.status(), restored.body());
        assertEquals(fixedRevision + 1, restored.json().getInt("revision"));
        assertEquals(before.getString("text"), restored.json().getString("text"));
    }

    @Test
    void aPivotTranslationSaysWhatItWasTranslatedFrom() {
        String id = "demands.free-detainees.pretrial-inmates";
        JsonObject current = view("pt-BR", id);
        Api.Reply saved = save("pt-BR", id, "Libertação imediata de todos os presos provisórios não violentos " + System.nanoTime() % 1000 + ".",
                current.getInt("revision"), "\"translatedFrom\":\"es\"");
        assertEquals(200, saved.status(), saved.body());
        int revision = saved.json().getInt("revision");
        act("pt-BR", id, "approve", "{\"revision\":" + revision + "}", reviewer);
        JsonObject served = publicClause("pt-BR", id);
        assertEquals("es", served.getString("translatedFrom"));
        assertTrue(served.getBoolean("reviewed"));
    }

    @Test
    void translationMemoryRanksTheNearIdenticalSegmentFirst() {
        String id = "demands.free-detainees.nonviolent-offenders";
        reviseSource(id, "Immediate release of all nonviolent convicted offenders now.", "meaning");
        Api.Reply reply = api.send("GET", "api/admin/translations/es/" + id + "/suggestions", null, translator);
        assertEquals(200, reply.status(), reply.body());
        JsonArray suggestions = (JsonArray) reply.jsonValue();
        assertFalse(suggestions.isEmpty());
        JsonObject best = suggestions.getJsonObject(0);
        assertEquals("Immediate release of all nonviolent convicted offenders.", best.getString("source"));
        assertTrue(best.getInt("match") >= 80, best.toString());
        for (int i = 1; i < suggestions.size(); i++) {
            assertTrue(suggestions.getJsonObject(i).getInt("match") <= best.getInt("match"));
        }
    }

    @Test
    void glossaryTermsWarnWhenMissing() {
        Api.Reply added = api.send("POST", "api/admin/glossary/it", "{\"sourceTerm\":\"dual power\",\"targetTerm\":\"doppio potere\"}", reviewer);
        assertTrue(added.status() == 201 || added.status() == 409, added.body());
        String id = "objectives.strong-organizations";
        JsonObject current = view("it", id);
        Api.Reply saved = save("it", id, "Promuovere gli interessi dei lavoratori sostenendo organizzazioni forti che fondino un potere parallelo.",
                current.getInt("revision"), null);
        assertEquals(200, saved.status(), saved.body());
        JsonArray warnings = saved.json().getJsonArray("warnings");
        assertTrue(warnings.stream().map(JsonValue::asJsonObject).anyMatch(w -> w.getString("check").equals("glossary")
                && w.getString("message").contains("doppio potere")), warnings.toString());
    }

    @Test
    void poAndXliffRoundTripAndConflictsAreReported() throws Exception {
        String po = api.send("GET", "api/admin/translations/es/export.po", null, translator).body();
        Path file = Files.createTempFile("export-es", ".po");
        Files.writeString(file, po, StandardCharsets.UTF_8);
        Gettext.Result check = Gettext.msgfmtCheck(file);
        assertTrue(check.ok(), check.output());
        Process msgcat = new ProcessBuilder("msgcat", file.toString()).redirectErrorStream(true).start();
        String catOutput = new String(msgcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, msgcat.waitFor(), catOutput);

        JsonObject report = importFile("es", po, "text/x-gettext-translation");
        assertEquals(0, count(report, "applied"), report.toString());
        assertEquals(0, count(report, "conflict"));
        assertEquals(po, api.send("GET", "api/admin/translations/es/export.po", null, translator).body(),
                "importing an untouched export changes nothing");

        String xliff = api.send("GET", "api/admin/translations/es/export.xlf", null, translator).body();
        validateXliff(xliff);
        JsonObject xliffReport = importFile("es", xliff, "application/xliff+xml");
        assertEquals(0, count(xliffReport, "applied"), xliffReport.toString());
        assertEquals(xliff, api.send("GET", "api/admin/translations/es/export.xlf", null, translator).body());

        // someone saves in the workspace after the export; the old file must not overwrite it
        String id = "strategies.activities.connections";
        JsonObject current = view("es", id);
        String mine = "**Facilitar conexiones** entre personas y redes de apoyo mutuo " + System.nanoTime() % 1000 + ".";
        assertEquals(200, save("es", id, mine, current.getInt("revision"), null).status());
        String stale = po.replace(current.getString("text").replace("\"", "\\\""), "Texto viejo editado fuera de línea.");
        assertFalse(stale.equals(po), "the entry was edited in the file");
        JsonObject conflicted = importFile("es", stale, "text/x-gettext-translation");
        assertEquals(1, count(conflicted, "conflict"), conflicted.toString());
        assertEquals(mine, view("es", id).getString("text"), "nothing was overwritten");

        // an edited fresh export is applied as a new draft
        String fresh = api.send("GET", "api/admin/translations/es/export.po", null, translator).body();
        String edited = fresh.replace(mine.replace("\"", "\\\""), "**Facilitar conexiones** revisado sin conexión.");
        JsonObject applied = importFile("es", edited, "text/x-gettext-translation");
        assertEquals(1, count(applied, "applied"), applied.toString());
        assertEquals("**Facilitar conexiones** revisado sin conexión.", view("es", id).getString("text"));

        assertEquals(400, api.send(api.request("api/admin/translations/es/import").header("Content-Type", "text/x-gettext-translation")
                .header("Authorization", translator).POST(HttpRequest.BodyPublishers.ofString("msgid \"broken"))).status());
        assertEquals(403, api.send(api.request("api/admin/translations/fr/import").header("Content-Type", "text/x-gettext-translation")
                .header("Authorization", translator).POST(HttpRequest.BodyPublishers.ofString(po))).status());
    }

    /**
     * What a volunteer downloads after an editor's {@code meaning} change: the outdated entry must open in gettext's
     * tools (and so in Poedit, Weblate, the translate-toolkit), go back unchanged without changing anything, and once
     * translated again become current. The document's texts hold everything PO must escape.
     */
    @Test
    void anOutdatedTranslationRoundTripsThroughPoAndXliff() throws Exception {
        long marker = System.nanoTime();
        String first = "Say \"no\" to C:\\strike\tfund,\nover two lines 𝄞 " + marker + ".";
        Api.Reply created = api.send("POST", "api/admin/documents", jakarta.json.Json.createObjectBuilder().add("type", "update")
                .add("language", "en").add("title", "Exchange " + marker).add("summary", "Escapes in files.").add("body", first)
                .build().toString(), editor);
        assertEquals(201, created.status(), created.body());
        JsonObject document = created.json();
        long documentId = document.getJsonNumber("id").longValue();
        String body = document.getString("bodyId");
        String spanish = "Di \"no\" a C:\\fondo\tde huelga,\nen dos líneas 𝄞 " + marker + ".";
        api.translateAndApprove(document, "es", translator, reviewer, "Intercambio " + marker, "Escapes en archivos.", spanish);

        String second = "Say \"yes\" to C:\\strike\tfund,\nover two lines 𝄞 " + marker + ".";
        reviseDocument(documentId, second);
        assertEquals("outdated", view("es", body).getString("state"));

        // PO: gettext reads it, the outdated entry says what it was translated from, and an untouched file changes nothing
        String po = api.send("GET", "api/admin/translations/es/export.po", null, translator).body();
        Gettext.Result check = Gettext.msgfmtCheck(po);
        assertTrue(check.ok(), check.output());
        List<String> block = entryLines(po, body);
        int lastExtracted = lastIndex(block, "#.");
        int flags = block.indexOf("#, fuzzy");
        int previous = block.indexOf("#| msgid \"\"");
        assertTrue(lastExtracted >= 0 && lastExtracted < flags && flags < previous && previous < block.indexOf("msgctxt \"" + body + "\""),
                String.join("\n", block));
        PoEntry outdated = PoReader.read(po).entries().stream().filter(e -> body.equals(e.context())).findFirst().orElseThrow();
        assertEquals(second, outdated.id());
        assertEquals(first, outdated.previous().id());
        assertEquals(spanish, outdated.translation());
        JsonObject untouched = importFile("es", po, "text/x-gettext-translation");
        assertNothingChanged(untouched);
        assertEquals(po, api.send("GET", "api/admin/translations/es/export.po", null, translator).body(), "nothing was lost either");
        assertEquals("outdated", view("es", body).getString("state"), "still outdated: nobody confirmed it");

        // the translator updates the entry as Poedit does: new msgstr, fuzzy and the previous source cleared
        String updated = "Di \"sí\" a C:\\fondo\tde huelga 𝄞 " + marker + ".";
        String edited = po.replace(String.join("\n", block), String.join("\n", block.stream()
                .filter(line -> !line.equals("#, fuzzy") && !line.startsWith("#|")).takeWhile(line -> !line.startsWith("msgstr"))
                .toList()) + "\nmsgstr " + PoWriter.quote(updated));
        assertFalse(edited.equals(po));
        assertTrue(Gettext.msgfmtCheck(edited).ok());
        JsonObject applied = importFile("es", edited, "text/x-gettext-translation");
        assertEquals(List.of(body), ids(applied, "applied"), applied.toString());
        JsonObject current = view("es", body);
        assertEquals("draft", current.getString("state"), "current against the new source, awaiting review");
        assertEquals(updated, current.getString("text"));
        assertEquals(current.getInt("sourceRevision"), current.getInt("basedOnRevision"));

        // XLIFF 2.0 after the next meaning change: valid, the previous source and the outdated state survive the trip
        String third = "Say \"maybe\" to C:\\strike\tfund 𝄞 " + marker + ".";
        reviseDocument(documentId, third);
        String xliff = api.send("GET", "api/admin/translations/es/export.xlf", null, translator).body();
        validateXliff(xliff);
        org.w3c.dom.Document xml = parseXml(xliff);
        org.w3c.dom.Element unit = unit(xml, body);
        org.w3c.dom.Element segment = (org.w3c.dom.Element) unit.getElementsByTagNameNS(XLIFF, "segment").item(0);
        assertEquals("initial", segment.getAttribute("state"));
        assertEquals(second, note(unit, "translated-source"));
        assertEquals("outdated", note(unit, "state"));
        assertNothingChanged(importFile("es", xliff, "application/xliff+xml"));
        assertEquals(xliff, api.send("GET", "api/admin/translations/es/export.xlf", null, translator).body());
        assertEquals("outdated", view("es", body).getString("state"));

        String again = "Di \"quizá\" a C:\\fondo\tde huelga 𝄞 " + marker + ".";
        segment.getElementsByTagNameNS(XLIFF, "target").item(0).setTextContent(again);
        segment.setAttribute("state", "translated");
        JsonObject fromXliff = importFile("es", serialize(xml), "application/xliff+xml");
        assertEquals(List.of(body), ids(fromXliff, "applied"), fromXliff.toString());
        JsonObject confirmed = view("es", body);
        assertEquals(again, confirmed.getString("text"));
        assertEquals(confirmed.getInt("sourceRevision"), confirmed.getInt("basedOnRevision"));
    }

    private static final String XLIFF = "urn:oasis:names:tc:xliff:document:2.0";

    private void reviseDocument(long id, String body) {
        JsonObject state = api.send("GET", "api/admin/documents/" + id, null, editor).json();
        Api.Reply revised = api.send("PUT", "api/admin/documents/" + id, jakarta.json.Json.createObjectBuilder()
                .add("baseRevision", state.getInt("revision")).add("changeKind", "meaning").add("body", body)
                .add("message", "exchange test").build().toString(), editor);
        assertEquals(200, revised.status(), revised.body());
    }

    /** The lines of the entry with this msgctxt, from its first comment to its last msgstr line. */
    private static List<String> entryLines(String po, String context) {
        for (String block : po.split("\n\n")) {
            if (block.contains("\nmsgctxt \"" + context + "\"\n")) {
                return List.of(block.strip().split("\n"));
            }
        }
        throw new AssertionError("no entry " + context + " in\n" + po);
    }

    private static int lastIndex(List<String> lines, String prefix) {
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                last = i;
            }
        }
        return last;
    }

    private static void assertNothingChanged(JsonObject report) {
        assertEquals(List.of(), ids(report, "applied"), report.toString());
        assertEquals(List.of(), ids(report, "conflict"), report.toString());
        assertEquals(List.of(), ids(report, "rejected"), report.toString());
    }

    private static List<String> ids(JsonObject report, String result) {
        return report.getJsonArray("outcomes").stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("result").equalsIgnoreCase(result)).map(o -> o.getString("id")).toList();
    }

    private static org.w3c.dom.Document parseXml(String xml) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(xml)));
    }

    private static org.w3c.dom.Element unit(org.w3c.dom.Document xml, String id) {
        org.w3c.dom.NodeList units = xml.getElementsByTagNameNS(XLIFF, "unit");
        for (int i = 0; i < units.getLength(); i++) {
            org.w3c.dom.Element unit = (org.w3c.dom.Element) units.item(i);
            if (unit.getAttribute("id").equals(id)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + id);
    }

    private static String note(org.w3c.dom.Element unit, String category) {
        org.w3c.dom.NodeList notes = unit.getElementsByTagNameNS(XLIFF, "note");
        for (int i = 0; i < notes.getLength(); i++) {
            org.w3c.dom.Element note = (org.w3c.dom.Element) notes.item(i);
            if (note.getAttribute("category").equals(category)) {
                return note.getTextContent();
            }
        }
        return null;
    }

    private static String serialize(org.w3c.dom.Document xml) throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        javax.xml.transform.TransformerFactory.newInstance().newTransformer()
                .transform(new javax.xml.transform.dom.DOMSource(xml), new javax.xml.transform.stream.StreamResult(out));
        return out.toString();
    }

    private JsonObject importFile(String lang, String body, String type) {
        Api.Reply reply = api.send(api.request("api/admin/translations/" + lang + "/import").header("Content-Type", type)
                .header("Authorization", translator).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static long count(JsonObject report, String result) {
        return report.getJsonArray("outcomes").stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("result").equalsIgnoreCase(result)).count();
    }

    private static void validateXliff(String xliff) throws SAXException, IOException {
        URL schema = TranslationWorkflowIT.class.getResource("/net/sf/okapi/lib/xliff2/xliff_core_2.0.xsd");
        assertNotNull(schema, "the OASIS XLIFF 2.0 core schema is on the test class path");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(schema).newValidator()
                .validate(new StreamSource(new StringReader(xliff)));
    }

    @Test
    void noOneApprovesTheirOwnTranslationAndTheAuditNamesBoth() {
        String both = account("tw-both", "\"roles\":[\"translator\",\"reviewer\"],\"languages\":[\"it\"]");
        String id = "demands.healthcare.medical-equipment";
        int base = view("it", id).getInt("revision");
        Api.Reply saved = api.send("PUT", "api/admin/translations/it/" + id, "{\"text\":\"Attrezzature mediche per tutti "
                + System.nanoTime() % 1000 + ".\",\"baseRevision\":" + base + "}", both);
        assertEquals(200, saved.status(), saved.body());
        String revision = "{\"revision\":" + saved.json().getInt("revision") + "}";
        Instant start = Instant.now().minusSeconds(5);

        Api.Reply own = act("it", id, "approve", revision, both);
        assertEquals(403, own.status(), own.body());
        assertTrue(own.contentType().startsWith("application/problem+json"));
        assertTrue(own.json().getString("detail").contains("another reviewer must approve it"), own.body());
        assertEquals("draft", view("it", id).getString("state"));

        Api.Reply second = act("it", id, "approve", revision, reviewer);
        assertEquals(200, second.status(), second.body());
        JsonArray events = (JsonArray) api.send("GET", "api/admin/audit?since=" + start, null, editor).jsonValue();
        assertTrue(events.stream().map(JsonValue::asJsonObject).anyMatch(e -> "translation.approved".equals(e.getString("action"))
                && "tw-reviewer".equals(e.getString("actor")) && e.getString("target").startsWith("it/" + id)
                && e.getString("detail").contains("translated by tw-both") && e.getString("detail").contains("approved by tw-reviewer")),
                events.toString());
    }
}
