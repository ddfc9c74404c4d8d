package org.internationale.newsletter.boundary;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.core.ConditionTimeoutException;
import org.internationale.testing.Api;
import org.internationale.testing.MailServer;
import org.internationale.testing.SeparateInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Payara Micro instances on one database (the second claiming eight ledger rows at a time) send one campaign
 * together: every subscriber gets exactly one message, and both instances' lanes took part (the ledger records who
 * claimed each row); behind nginx, readers are spread over both and see a publication within two seconds, as they do
 * on each instance's kept pages and feeds. The database is a fresh one of
 * its own on the build's PostgreSQL when the build has one, else one H2 file both instances reach through H2's
 * automatic server mode; claims are {@code FOR UPDATE SKIP LOCKED} on both. Not the build's database itself: the
 * other classes' server stays up for the whole run, and its lanes would claim this campaign's messages too.
 */
class TwoInstancesIT {

    private static final int SUBSCRIBERS = 300;
    private static final String TOPIC = "pair";
    private static final List<Process> SERVERS = new ArrayList<>();
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static Process nginx;
    private static MailServer mail;
    private static String databaseUrl;
    private static String databaseUser;
    /** The database created for this class on the build's PostgreSQL, dropped afterwards; null on H2. */
    private static String ownDatabase;
    private static URL first;
    private static URL second;
    private static Path root;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        mail = MailServer.shared();
        root = Path.of(System.getProperty("it.data.root", "target/it-data/manual")).resolve("two-instances");
        Files.createDirectories(root);
        String configured = System.getProperty("it.database.url", "");
        databaseUser = configured.isBlank() ? "" : System.getProperty("it.database.user", "");
        databaseUrl = configured.isBlank()
                ? "jdbc:h2:file:" + root.resolve("shared-db").toAbsolutePath() + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                : createOwnDatabase(configured);
        // one after the other: the first migrates the schema, the second finds it current
        first = start(root, "a");
        second = start(root, "b");
    }

    @AfterAll
    static void stopInstances() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor();
        }
        for (Process server : SERVERS) {
            server.destroyForcibly().waitFor();
        }
        if (ownDatabase != null) {
            try (Connection db = DriverManager.getConnection(System.getProperty("it.database.url"), databaseUser,
                    System.getProperty("it.database.password", ""))) {
                db.createStatement().execute("DROP DATABASE IF EXISTS " + ownDatabase + " WITH (FORCE)");
            }
        }
    }

    /** A new database on the server of {@code buildDatabase} (a PostgreSQL JDBC URL), named after it; its URL. */
    private static String createOwnDatabase(String buildDatabase) throws Exception {
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(.*)").matcher(buildDatabase);
        if (!url.matches()) {
            throw new IllegalStateException("TwoInstancesIT needs a database of its own; it cannot derive one from " + buildDatabase);
        }
        String name = (url.group(2) + "_pair_" + Long.toString(System.currentTimeMillis(), 36)).toLowerCase(java.util.Locale.ROOT);
        try (Connection db = DriverManager.getConnection(buildDatabase, databaseUser, System.getProperty("it.database.password", ""))) {
            db.createStatement().execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        }
        ownDatabase = name;
        return url.group(1) + name + url.group(3);
    }

    @Test
    void bothInstancesSendOneCampaignAndNobodyGetsItTwice() throws Exception {
        Api api = new Api(first);
        String editor = api.account("pair-editor", "pair editor passphrase", "\"roles\":[\"editor\"],\"languages\":[]");
        long offset = 20_000_000L + (Instant.now().getEpochSecond() % 100_000) * 1_000;
        Set<String> addresses = insertSubscribers(offset);

        Api.Reply document = api.send("POST", "api/admin/documents", Json.createObjectBuilder().add("type", "newsletter").add("language", "en")
                .add("title", "Two instances, one campaign").add("summary", "").add("body", "Sent by two servers together.").build().toString(), editor);
        assertEquals(201, document.status(), document.body());
        Api.Reply campaign = api.send("POST", "api/admin/campaigns", "{\"newsletterId\":" + document.json().getJsonNumber("id")
                + ",\"topics\":[\"" + TOPIC + "\"]}", editor);
        assertEquals(201, campaign.status(), campaign.body());
        long id = campaign.json().getJsonNumber("id").longValue();
        assertEquals(200, api.send("POST", "api/admin/campaigns/" + id + "/send", null, editor).status());

        Api other = new Api(second);
        JsonObject progress = await("campaign " + id + " is sent").atMost(Duration.ofMinutes(3)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> other.send("GET", "api/admin/campaigns/" + id, null, editor).json(), p -> "sent".equals(p.getString("state")));
        assertEquals("sent", progress.getString("state"), String.valueOf(progress));
        assertEquals(SUBSCRIBERS, progress.getJsonObject("counts").getJsonNumber("sent").intValue(), progress.toString());

        GreenMail greenMail = mail.greenMail();
        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (String.valueOf(message.getSubject()).equals("Two instances, one campaign")) {
                received.merge(message.getMessageID(), 1, Integer::sum);
                assertTrue(addresses.contains(message.getAllRecipients()[0].toString()), message.getAllRecipients()[0].toString());
            }
        }
        assertEquals(SUBSCRIBERS, received.size(), "every subscriber got the newsletter");
        assertEquals(List.of(1), received.values().stream().distinct().toList(), "nobody got it twice");

        Map<String, Integer> byInstance = claimedBy(id);
        assertEquals(Set.of("pair-a", "pair-b"), byInstance.keySet(), "both instances sent: " + byInstance);
        assertEquals(SUBSCRIBERS, byInstance.values().stream().mapToInt(Integer::intValue).sum());
    }

    /**
     * The publishing instance indexes through its own after-commit event; the other learns of the change only from the
     * search change log it follows. Without that log the second instance never found the text (each instance keeps
     * its own index).
     */
    @Test
    void whatOneInstancePublishesTheOtherFindsAndWhatItWithdrawsTheOtherForgets() throws Exception {
        Api api = new Api(first);
        String editor = api.account("pair-publisher", "pair publisher passphrase", "\"roles\":[\"editor\"],\"languages\":[]");
        String word = "pairword" + Long.toString(System.nanoTime(), 36);
        Api.Reply created = api.send("POST", "api/admin/documents", Json.createObjectBuilder().add("type", "update").add("language", "en")
                .add("title", "Dockers of " + word).add("summary", "").add("body", "The " + word + " strike spreads along the coast.")
                .build().toString(), editor);
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals(200, api.send("POST", "api/admin/documents/" + id + "/publish", "{}", editor).status());
        assertEquals(1, total(first, word), "the publishing instance finds it at once");

        assertEquals(1, totalWithin(second, word, 1, Duration.ofSeconds(20)), "the other instance finds it too");
        JsonObject status = new Api(second).send("GET", "api/admin/search/status", null, Api.basic("admin", Api.ADMIN_PASSWORD)).json();
        assertTrue(status.getJsonNumber("changesApplied").longValue() > 0, status.toString());

        assertEquals(200, api.send("POST", "api/admin/documents/" + id + "/unpublish", "{}", editor).status());
        assertEquals(0, total(first, word));
        assertEquals(0, totalWithin(second, word, 0, Duration.ofSeconds(20)), "and forgets it once withdrawn");
    }

    @Test
    void aPageTheOtherInstanceKeepsRenderedShowsWhatOneInstancePublishedWithinTwoSeconds() throws Exception {
        Api api = new Api(first);
        String editor = api.account("pair-pages", "pair pages passphrase", "\"roles\":[\"editor\"],\"languages\":[]");
        String admin = Api.basic("admin", Api.ADMIN_PASSWORD);
        Api reader = new Api(second);
        long hitsBefore = reader.send("GET", "api/admin/pages", null, admin).json().getJsonNumber("hits").longValue();
        Api.Reply home = reader.get("en/");
        assertEquals(200, home.status(), home.body());
        assertEquals(home.body(), reader.get("en/").body());
        assertEquals(200, reader.get("feeds/en/updates.atom").status());
        reader.get("feeds/en/updates.atom");
        assertEquals(hitsBefore + 2, reader.send("GET", "api/admin/pages", null, admin).json().getJsonNumber("hits").longValue(),
                "the second reader got the page and the feed the first one had rendered");

        String word = "pagesword" + Long.toString(System.nanoTime(), 36);
        Api.Reply created = api.send("POST", "api/admin/documents", Json.createObjectBuilder().add("type", "update").add("language", "en")
                .add("title", "Pickets of " + word).add("summary", "").add("body", "The " + word + " picket holds.")
                .build().toString(), editor);
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals(200, api.send("POST", "api/admin/documents/" + id + "/publish", "{}", editor).status());
        // timed from the publishing call's answer: the change is committed on the first instance by then
        await().atMost(Duration.ofSeconds(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> reader.get("en/").body().contains("Pickets of " + word));
        await().atMost(Duration.ofSeconds(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> reader.get("feeds/en/updates.atom").body().contains("Pickets of " + word));

        assertEquals(200, api.send("POST", "api/admin/documents/" + id + "/unpublish", "{}", editor).status());
        await().atMost(Duration.ofSeconds(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> !reader.get("en/").body().contains("Pickets of " + word));
    }

    /**
     * The load balancer of docker/compose.yaml, for real: Debian's nginx with the shipped {@code docker/nginx.conf} (only
     * its addresses changed) in front of both instances. Readers are spread over both, and what is published through
     * it shows on every page nginx hands out within two seconds, whichever instance renders it.
     */
    @Test
    void nginxWithTheShippedConfigurationSpreadsReadersAndNeitherInstanceServesAPageOlderThanTwoSeconds() throws Exception {
        Api balanced = new Api(startNginx());
        String admin = Api.basic("admin", Api.ADMIN_PASSWORD);
        long[] before = {served(first, admin), served(second, admin)};
        for (int i = 0; i < 20; i++) {
            assertEquals(200, balanced.get("es/").status());
        }
        assertTrue(served(first, admin) > before[0] && served(second, admin) > before[1], "both instances served readers");

        String editor = balanced.account("pair-balanced", "pair balanced passphrase", "\"roles\":[\"editor\"],\"languages\":[]");
        String word = "balanced" + Long.toString(System.nanoTime(), 36);
        Api.Reply created = balanced.send("POST", "api/admin/documents", Json.createObjectBuilder().add("type", "update").add("language", "en")
                .add("title", "Marches of " + word).add("summary", "").add("body", "The " + word + " march sets out.").build().toString(), editor);
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals(200, balanced.send("POST", "api/admin/documents/" + id + "/publish", "{}", editor).status());
        // eight readers in a row, spread over both instances by nginx: every one of them sees it
        await().atMost(Duration.ofSeconds(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (int i = 0; i < 8; i++) {
                if (!balanced.get("en/").body().contains("Marches of " + word)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Pages an instance answered from its page cache or rendered for it. */
    private static long served(URL instance, String admin) {
        JsonObject pages = new Api(instance).send("GET", "api/admin/pages", null, admin).json();
        return pages.getJsonNumber("hits").longValue() + pages.getJsonNumber("misses").longValue();
    }

    private static URL startNginx() throws Exception {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException("The load-balancer test needs Debian's nginx: apt-get install -y nginx-light (.ci/run installs it)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path folder = root.resolve("nginx").toAbsolutePath();
        Files.createDirectories(folder.resolve("temp"));
        String shipped = Files.readString(Path.of("docker/nginx.conf"), java.nio.charset.StandardCharsets.UTF_8);
        String temp = folder.resolve("temp").toString();
        String configuration = "pid " + folder.resolve("nginx.pid") + ";\nerror_log " + folder.resolve("error.log") + ";\n"
                + shipped.replace("app-a:8080", "127.0.0.1:" + first.getPort()).replace("app-b:8080", "127.0.0.1:" + second.getPort())
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";")
                .replace("http {", "http {\n    access_log off;\n    client_body_temp_path " + temp + "/body;\n    proxy_temp_path " + temp
                        + "/proxy;\n    fastcgi_temp_path " + temp + "/fastcgi;\n    uwsgi_temp_path " + temp + "/uwsgi;\n    scgi_temp_path " + temp + "/scgi;");
        assertTrue(configuration.contains("127.0.0.1:" + first.getPort()) && configuration.contains("listen 127.0.0.1:" + port),
                "docker/nginx.conf names app-a:8080, app-b:8080 and listens on 80");
        Path file = folder.resolve("nginx.conf");
        Files.writeString(file, configuration, java.nio.charset.StandardCharsets.UTF_8);
        nginx = new ProcessBuilder(NGINX.toString(), "-p", folder.toString(), "-c", file.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(folder.resolve("nginx.out").toFile()).start();
        URL base = URI.create("http://127.0.0.1:" + port + "/").toURL();
        await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!nginx.isAlive()) {
                throw new IllegalStateException("nginx exited: " + Files.readString(folder.resolve("nginx.out")));
            }
            return SeparateInstance.ready(base);
        });
        return base;
    }

    private static int total(URL instance, String query) {
        Api.Reply reply = new Api(instance).get("api/search?lang=en&q=" + query);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getInt("total");
    }

    /** The search total once it is {@code expected}, or the last one seen when {@code within} ran out. */
    private static int totalWithin(URL instance, String query, int expected, Duration within) {
        try {
            return await().atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .until(() -> total(instance, query), total -> total == expected);
        } catch (ConditionTimeoutException e) {
            return total(instance, query);
        }
    }

    @Test
    void withoutABounceMailboxAskingToReadItIsAConflictWithAReason() {
        Api.Reply checked = new Api(second).send("POST", "api/admin/bounces/check", null, Api.basic("admin", Api.ADMIN_PASSWORD));
        assertEquals(409, checked.status(), checked.body());
        assertTrue(checked.body().contains("BOUNCE_MAILBOX"), checked.body());
    }

    private static Set<String> insertSubscribers(long offset) throws Exception {
        try (Connection db = DriverManager.getConnection(databaseUrl, databaseUser, System.getProperty("it.database.password", ""))) {
            db.setAutoCommit(false);
            try (PreparedStatement subscriber = db.prepareStatement("INSERT INTO subscriber (id, email, email_key, languages, state, paused,"
                    + " confirm_mails, soft_bounces, created_at, confirmed_at, version) VALUES (?, ?, ?, 'en', 'CONFIRMED', FALSE, 0, 0, ?, ?, 1)");
                 PreparedStatement topic = db.prepareStatement("INSERT INTO subscriber_topic (subscriber_id, topic) VALUES (?, ?)")) {
                java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
                for (int i = 0; i < SUBSCRIBERS; i++) {
                    String address = "pair-" + (offset + i) + "@members.example.org";
                    subscriber.setLong(1, offset + i);
                    subscriber.setString(2, address);
                    subscriber.setString(3, address);
                    subscriber.setTimestamp(4, now);
                    subscriber.setTimestamp(5, now);
                    subscriber.addBatch();
                    topic.setLong(1, offset + i);
                    topic.setString(2, TOPIC);
                    topic.addBatch();
                }
                subscriber.executeBatch();
                topic.executeBatch();
            }
            db.commit();
        }
        return java.util.stream.LongStream.range(offset, offset + SUBSCRIBERS).mapToObj(n -> "pair-" + n + "@members.example.org")
                .collect(Collectors.toSet());
    }

    private static Map<String, Integer> claimedBy(long campaign) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection db = DriverManager.getConnection(databaseUrl, databaseUser, System.getProperty("it.database.password", ""));
             PreparedStatement select = db.prepareStatement("SELECT claimed_by, COUNT(*) FROM delivery WHERE campaign_id = ? AND state = 'SENT' GROUP BY claimed_by")) {
            select.setLong(1, campaign);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    private static URL start(Path root, String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dataDir = root.resolve("instance-" + name);
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-DADMIN_PASSWORD=" + Api.ADMIN_PASSWORD, "-DPASSWORD_HASH_ITERATIONS=10000", "-DDATA_DIR=" + dataDir.toAbsolutePath(), "-DDATABASE_URL=" + databaseUrl,
                "-DDATABASE_USER=" + databaseUser, "-DDATABASE_PASSWORD=" + System.getProperty("it.database.password", ""),
                "-DSMTP_HOST=127.0.0.1", "-DSMTP_PORT=" + Integer.getInteger("it.smtp.port", 3025), "-DMAIL_FROM=news@internationale.test",
                "-DINSTANCE_NAME=pair-" + name, "-DNEWSLETTER_TOPICS=news,alerts," + TOPIC, "-DSMTP_CONNECTIONS=2",
                // slow enough that one instance alone would need 15 s: the one that started last (still indexing,
                // still compiling) has time to join in, and the test shows them sharing the ledger
                "-DMAIL_RATE=20",
                // the second instance claims eight ledger rows at a time: both claim sizes share one campaign
                "-DMAIL_CLAIM_SIZE=" + ("b".equals(name) ? 8 : 1),
                "-jar", System.getProperty("payara.microJar"), "--nohazelcast", "--port", Integer.toString(port),
                "--deploy", System.getProperty("war.file")));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("instance-" + name + ".log").toFile()).start();
        SERVERS.add(process);
        URL base = URI.create("http://localhost:" + port + "/").toURL();
        try {
            await().atMost(Duration.ofMinutes(4)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("instance " + name + " exited; see " + root.resolve("instance-" + name + ".log"));
                }
                return SeparateInstance.ready(base);
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("instance " + name + " did not become ready; see " + root.resolve("instance-" + name + ".log"));
        }
        return base;
    }
}
