package org.internationale.archive.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.internationale.testing.Api;
import org.internationale.text.control.PoReader;
import org.internationale.text.entity.PoCatalog;
import org.internationale.testing.Deployments;
import org.internationale.testing.MailServer;
import org.internationale.testing.SeparateInstance;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The archive on the deployed WAR: only an admin downloads it, each download is audited; an archive of the suite's
 * server, restored at start-up ({@code RESTORE_FROM}) into a second instance with an empty database of its own, serves
 * the same public and admin answers, and a subscriber's link written by the first server works on the second; a
 * campaign paused half sent on an instance on H2 resumes on the restored instance (on PostgreSQL when the build runs
 * on it: the move from the embedded database), each reader getting it once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ArchiveIT {

    private static final String RUN = java.util.UUID.randomUUID().toString().substring(0, 8);
    private static final Pattern LINK = Pattern.compile("(https?://\\S+)");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private String admin;

    @BeforeEach
    void client() {
        api = new Api(base);
        admin = Api.basic("admin", Api.ADMIN_PASSWORD);
    }

    private HttpResponse<byte[]> download(String authorization, String passphrase) throws Exception {
        return download(api, authorization, passphrase);
    }

    private static HttpResponse<byte[]> download(Api from, String authorization, String passphrase) throws Exception {
        HttpRequest.Builder request = from.request("api/admin/archive").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (passphrase != null) {
            request.header("Archive-Passphrase", passphrase);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void onlyAnAdminDownloadsTheArchiveAndEachDownloadIsAudited() throws Exception {
        String since = java.time.Instant.now().minusSeconds(5).toString(); // the test's own clock, not the server's
        assertEquals(401, download(null, null).statusCode());
        String editor = api.account("archive-editor", "archive test passphrase", "\"roles\":[\"editor\"],\"languages\":[]");
        assertEquals(403, download(editor, null).statusCode());
        HttpResponse<byte[]> tooShort = download(admin, "short");
        assertEquals(400, tooShort.statusCode(), new String(tooShort.body(), java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<byte[]> plain = download(admin, null);
        assertEquals(200, plain.statusCode());
        assertEquals("application/zip", plain.headers().firstValue("Content-Type").orElse(""));
        List<String> entries = new ArrayList<>();
        JsonObject manifest = null;
        PoCatalog spanish = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(plain.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.add(entry.getName());
                if (entry.getName().equals("manifest.json")) {
                    manifest = Json.createReader(new ByteArrayInputStream(zip.readAllBytes())).readObject();
                }
                if (entry.getName().equals("translations/es.po")) {
                    spanish = PoReader.read(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        assertTrue(entries.containsAll(List.of("data/account.jsonl", "data/segment.jsonl", "data/subscriber.jsonl", "data/delivery.jsonl",
                "data/audit_event.jsonl", "sequences.json", "translations/es.po", "translations/zh-Hant.po")), entries.toString());
        assertEquals("manifest.json", entries.get(entries.size() - 1), "the manifest comes last");
        assertTrue(spanish.entries().size() > 20, "the platform's Spanish is in the PO file: " + spanish.entries().size());
        assertTrue(spanish.entries().stream().allMatch(entry -> !entry.translations().get(0).isEmpty()),
                "a PO file to read lists translated texts only, not every text of the site");
        assertTrue(manifest.getJsonObject("counts").getJsonNumber("segment").longValue() > 70, manifest.getJsonObject("counts").toString());
        HttpResponse<byte[]> encrypted = download(admin, "a long enough passphrase");
        assertEquals(200, encrypted.statusCode());
        assertEquals("application/pgp-encrypted", encrypted.headers().firstValue("Content-Type").orElse(""));
        JsonArray audit = (JsonArray) api.send("GET", "api/admin/audit?limit=5000&since=" + since, null, admin).jsonValue();
        assertTrue(audit.toString().contains("archive.download-encrypted") && audit.toString().contains("archive.download"), "the downloads are in the audit log");
    }

    @Test
    void aRestoredInstanceServesTheSameSiteAndTheFirstServersLinksWorkOnIt() throws Exception {
        String editor = api.account("archive-publisher", "archive test passphrase", "\"roles\":[\"editor\"],\"languages\":[]");
        Api.Reply created = api.send("POST", "api/admin/documents", Json.createObjectBuilder().add("type", "update").add("language", "en")
                .add("title", "Kept in the archive " + RUN).add("summary", "Restored elsewhere").add("body", "The **archive** keeps it.").build().toString(), editor);
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        String translator = api.account("archive-translator", "archive test passphrase", "\"roles\":[\"translator\"],\"languages\":[\"es\"]");
        String reviewer = api.account("archive-reviewer", "archive test passphrase", "\"roles\":[\"reviewer\"],\"languages\":[\"es\"]");
        api.translateAndApprove(created.json(), "es", translator, reviewer, "Guardado en el archivo " + RUN, "Restaurado en otro lugar",
                "El **archivo** lo guarda.");
        assertEquals(200, api.send("POST", "api/admin/documents/" + id + "/publish", "{}", editor).status());
        // revised after its translation: the Spanish body is outdated, with the source it was made from in its history
        JsonObject state = api.send("GET", "api/admin/documents/" + id, null, editor).json();
        Api.Reply revised = api.send("PUT", "api/admin/documents/" + id, Json.createObjectBuilder().add("baseRevision", state.getInt("revision"))
                .add("changeKind", "meaning").add("body", "The **archive** keeps it, and its history.").add("message", "archive test").build().toString(), editor);
        assertEquals(200, revised.status(), revised.body());
        String bodyId = created.json().getString("bodyId");
        assertEquals("outdated", api.send("GET", "api/admin/translations/es/" + bodyId, null, admin).json().getString("state"));

        Api.Reply later = api.send("POST", "api/admin/documents", Json.createObjectBuilder().add("type", "update").add("language", "en")
                .add("title", "Out tomorrow " + RUN).add("summary", "").add("body", "Scheduled.").build().toString(), editor);
        assertEquals(201, later.status(), later.body());
        long scheduled = later.json().getJsonNumber("id").longValue();
        Api.Reply scheduling = api.send("POST", "api/admin/documents/" + scheduled + "/publish",
                "{\"at\":\"" + java.time.Instant.now().plus(Duration.ofDays(1)) + "\"}", editor);
        assertEquals("scheduled", scheduling.json().getString("state"), scheduling.body());

        Api.Reply statement = api.send("POST", "api/admin/documents", Json.createObjectBuilder().add("type", "statement").add("language", "en")
                .add("title", "Archived solidarity " + RUN).add("summary", "").add("body", "We stand together.").build().toString(), editor);
        assertEquals(201, statement.status(), statement.body());
        long statementId = statement.json().getJsonNumber("id").longValue();
        assertEquals(200, api.send("POST", "api/admin/documents/" + statementId + "/publish", "{}", editor).status());
        String signer = "signer-" + RUN + "@union.example.org";
        assertEquals(202, api.send("POST", "api/statements/" + statementId + "/signatures?lang=es",
                "{\"organisation\":\"Sindicato " + RUN + "\",\"country\":\"España\",\"email\":\"" + signer + "\"}", null).status());
        String signing = firstLink(signer);
        assertEquals(200, api.send(api.request("statements/confirm").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + signing.substring(signing.indexOf("token=") + 6)))).status());
        JsonArray signatures = (JsonArray) api.send("GET", "api/admin/statements/" + statementId + "/signatures", null, editor).jsonValue();
        assertEquals(200, api.send("POST", "api/admin/statements/" + statementId + "/signatures/"
                + signatures.getJsonObject(0).getJsonNumber("id") + "/approve", null, editor).status());

        String member = "member-" + RUN + "@members.example.org";
        assertEquals(202, api.send("POST", "api/subscriptions", "{\"email\":\"" + member + "\",\"languages\":[\"fr\"],\"topics\":[\"alerts\"]}", null).status());
        assertEquals(200, confirmSubscription(api, firstLink(member)).status());

        // left pending here: the restored instance confirms it with the link this one mailed
        String address = "archived-" + RUN + "@members.example.org";
        assertEquals(202, api.send("POST", "api/subscriptions", "{\"email\":\"" + address + "\",\"languages\":[\"es\"],\"topics\":[\"news\"]}", null).status());
        String confirm = firstLink(address);

        List<String> paths = List.of("api/platform?lang=es", "api/platform?lang=zh-Hant", "api/platform/editions", "api/languages",
                "api/documents?lang=en", "api/documents/" + id + "?lang=en", "api/demands?lang=ar", "api/subscriptions/topics",
                "en/updates/" + id, "es/updates/" + id, "api/documents/" + id + "?lang=es", "api/statements/" + statementId + "/signatures",
                "en/statements/" + statementId, "es/platform", "ar/demands", "fr/");
        Map<String, String> before = new java.util.LinkedHashMap<>();
        for (String path : paths) {
            before.put(path, api.get(path).body());
        }
        List<String> adminPaths = List.of("api/admin/users", "api/admin/documents", "api/admin/documents/" + id, "api/admin/documents/" + scheduled,
                "api/admin/campaigns", "api/admin/subscribers?q=" + address, "api/admin/subscribers?q=" + member,
                "api/admin/statements/" + statementId + "/signatures", "api/admin/translations/es", "api/admin/translations/es/" + bodyId,
                "api/admin/translations/es/export.po", "api/admin/glossary/es");
        Map<String, String> adminBefore = new java.util.LinkedHashMap<>();
        for (String path : adminPaths) {
            adminBefore.put(path, comparable(api.send("GET", path, null, admin), path));
        }

        HttpResponse<byte[]> archive = download(admin, null);
        assertEquals(200, archive.statusCode());
        Path root = Path.of(System.getProperty("it.data.root", "target/it-data/manual")).resolve("archive-" + RUN);
        Path file = Files.createDirectories(root).resolve("archive.zip");
        Files.write(file, archive.body());

        try (SeparateInstance restored = SeparateInstance.start(root, "restored", Map.of("RESTORE_FROM", file.toAbsolutePath().toString()))) {
            Api second = new Api(restored.base());
            assertTrue(Files.readString(restored.log()).contains("Restored "), "the log says what was restored");
            for (String path : paths) {
                String first = before.get(path).replace("localhost:" + base.getPort(), "HOST");
                String again = second.get(path).body().replace("localhost:" + restored.base().getPort(), "HOST");
                assertEquals(first, again, path + " answers the same on the restored instance");
            }
            for (String path : adminPaths) {
                assertEquals(adminBefore.get(path), comparable(second.send("GET", path, null, admin), path), path + " answers an admin the same");
            }
            String moved = confirm.replace("localhost:" + base.getPort(), "localhost:" + restored.base().getPort());
            Api.Reply page = second.send(HttpRequest.newBuilder(URI.create(moved)).GET());
            assertEquals(200, page.status(), "a confirmation link the first server mailed works on the restored one: " + page.body());
            assertTrue(page.body().contains("method=\"post\""), page.body());
        }
    }

    @Test
    void aCampaignHalfSentWhenTheArchiveWasTakenResumesOnTheRestoredInstanceAndNobodyGetsItTwice() throws Exception {
        Path root = Files.createDirectories(Path.of(System.getProperty("it.data.root", "target/it-data/manual")).resolve("archive-campaign-" + RUN));
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            readers.add("half-" + i + "-" + RUN + "@members.example.org");
        }
        String subject = "Half sent " + RUN;
        Path file = root.resolve("archive.zip");
        long campaign;
        JsonObject paused;
        int firstPort;
        // on H2, as a site starts; restored below into the build's database — under .ci/run's second pass PostgreSQL,
        // the move from the embedded database docs/archive.md describes. One message every two seconds: the campaign
        // is surely part way when it is paused after its first message.
        try (SeparateInstance first = SeparateInstance.startOnH2(root, "half-sender", Map.of("MAIL_RATE", "0.5"))) {
            Api source = new Api(first.base());
            for (String reader : readers) {
                assertEquals(202, source.send("POST", "api/subscriptions", "{\"email\":\"" + reader + "\",\"languages\":[\"en\"],\"topics\":[\"news\"]}", null).status());
                assertEquals(200, confirmSubscription(source, firstLink(reader)).status());
            }
            Api.Reply newsletter = source.send("POST", "api/admin/documents", Json.createObjectBuilder().add("type", "newsletter").add("language", "en")
                    .add("title", subject).add("summary", "").add("body", "Moved mid-campaign.").build().toString(), admin);
            assertEquals(201, newsletter.status(), newsletter.body());
            Api.Reply created = source.send("POST", "api/admin/campaigns", "{\"newsletterId\":" + newsletter.json().getJsonNumber("id")
                    + ",\"topics\":[\"news\"],\"requiredLanguages\":[]}", admin);
            assertEquals(201, created.status(), created.body());
            campaign = created.json().getJsonNumber("id").longValue();
            assertEquals(200, source.send("POST", "api/admin/campaigns/" + campaign + "/send", null, admin).status());
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> readers.stream().anyMatch(reader -> received(reader, subject) > 0));
            assertEquals(200, source.send("POST", "api/admin/campaigns/" + campaign + "/pause", null, admin).status());
            // what a lane holds at the pause is reported before the archive is taken
            paused = await().atMost(Duration.ofSeconds(20)).until(() -> source.send("GET", "api/admin/campaigns/" + campaign, null, admin).json(),
                    progress -> progress.getJsonObject("counts").getInt("sending", 0) == 0);
            assertEquals("paused", paused.getString("state"), paused.toString());
            HttpResponse<byte[]> archive = download(source, admin, null);
            assertEquals(200, archive.statusCode());
            Files.write(file, archive.body());
            firstPort = first.base().getPort();
        }
        long sentBefore = readers.stream().filter(reader -> received(reader, subject) > 0).count();
        int pending = paused.getJsonObject("counts").getInt("pending", 0);
        assertTrue(sentBefore >= 1 && pending >= 1, "half sent when archived: " + paused);
        assertEquals(sentBefore, paused.getJsonObject("counts").getInt("sent", 0), paused.toString());

        try (SeparateInstance restored = SeparateInstance.start(root, "resumer", Map.of("RESTORE_FROM", file.toAbsolutePath().toString()))) {
            Api second = new Api(restored.base());
            JsonObject before = second.send("GET", "api/admin/campaigns/" + campaign, null, admin).json();
            assertEquals(paused.getJsonObject("counts"), before.getJsonObject("counts"), "the ledger came over as it was");
            assertEquals(200, second.send("POST", "api/admin/campaigns/" + campaign + "/resume", null, admin).status());
            JsonObject sent = await().atMost(Duration.ofSeconds(60)).until(() -> second.send("GET", "api/admin/campaigns/" + campaign, null, admin).json(),
                    progress -> progress.getString("state").equals("sent"));
            assertEquals(readers.size(), sent.getJsonObject("counts").getInt("sent", 0), sent.toString());

            // the one-click unsubscribe link in a message the first instance sent works on the restored one
            String early = readers.stream().filter(reader -> unsubscribeHeader(reader, subject).contains("localhost:" + firstPort))
                    .findFirst().orElseThrow();
            Matcher https = Pattern.compile("<(https?://[^>]+)>").matcher(unsubscribeHeader(early, subject));
            assertTrue(https.find());
            URI unsubscribe = URI.create(https.group(1).replace("localhost:" + firstPort, "localhost:" + restored.base().getPort()));
            Api.Reply left = second.send(HttpRequest.newBuilder(unsubscribe).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
            assertEquals(200, left.status(), left.body());
            JsonObject subscriber = second.send("GET", "api/admin/subscribers?q=" + early, null, admin).json().getJsonArray("items").getJsonObject(0);
            assertEquals("left", subscriber.getString("state"), subscriber.toString());
        }
        for (String reader : readers) {
            assertEquals(1, received(reader, subject), reader + " gets the newsletter once, from one instance or the other");
        }
    }

    /** The first link in the first mail to {@code address}. */
    private static String firstLink(String address) throws Exception {
        MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> MailServer.shared().messagesTo(address).stream().findFirst(),
                Optional::isPresent).orElseThrow();
        Matcher link = LINK.matcher(String.valueOf(mail.getContent() instanceof String text ? text
                : ((jakarta.mail.Multipart) mail.getContent()).getBodyPart(0).getContent()));
        assertTrue(link.find(), "a link in the mail to " + address);
        return link.group(1);
    }

    /** Confirms a subscription as its mail's link asks: by posting the link's token to its page. */
    private static Api.Reply confirmSubscription(Api on, String link) {
        return on.send(HttpRequest.newBuilder(URI.create(link.substring(0, link.indexOf('?'))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + link.substring(link.indexOf("token=") + 6))));
    }

    /** An admin answer as compared: the same but for a count of the last minute, which moves with the clock. */
    private static String comparable(Api.Reply reply, String path) {
        assertEquals(200, reply.status(), path + ": " + reply.body());
        return reply.body().replaceAll("\"sentLastMinute\":\\d+", "\"sentLastMinute\":0");
    }

    private static List<MimeMessage> mails(String address, String subject) {
        return MailServer.shared().messagesTo(address).stream().filter(message -> {
            try {
                return message.getSubject() != null && message.getSubject().contains(subject);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static long received(String address, String subject) {
        return mails(address, subject).size();
    }

    /** The List-Unsubscribe header of the mail with this subject to this address. */
    private static String unsubscribeHeader(String address, String subject) {
        try {
            return mails(address, subject).get(0).getHeader("List-Unsubscribe", null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
