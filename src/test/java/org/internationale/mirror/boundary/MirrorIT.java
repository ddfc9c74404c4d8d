package org.internationale.mirror.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.internationale.testing.Api;
import org.internationale.testing.Chromium;
import org.internationale.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The static mirror on the deployed WAR: an admin exports the public site, gets a folder whose pages link each other
 * by relative paths to real files and name the site itself for what needs a server, a sitemap with hreflang
 * alternates, a tar.gz of it all; a second export rewrites only what changed; and the copy's search works in Chromium
 * from {@code file://}, with no server at all.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MirrorIT {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static WebDriver browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private String admin;

    @BeforeAll
    static void start() {
        // the language page of the copy opens the browser's language: Spanish here
        browser = Chromium.start("es-MX,es", "--lang=es");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void client() {
        api = new Api(base);
        admin = Api.basic("admin", Api.ADMIN_PASSWORD);
    }

    private JsonObject export(String query) {
        Api.Reply started = api.send("POST", "api/admin/mirror" + query, null, admin);
        assertEquals(202, started.status(), started.body());
        return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.send("GET", "api/admin/mirror", null, admin).json(), state -> !"running".equals(state.getString("state")));
    }

    private JsonObject exported(String query) {
        JsonObject state = export(query);
        assertEquals("done", state.getString("state"), state.toString());
        return state;
    }

    private String publishUpdate(String title) {
        String editor = api.account("mirror-editor", "mirror test passphrase", "\"roles\":[\"editor\"],\"languages\":[\"en\"]");
        String json = Json.createObjectBuilder().add("type", "update").add("language", "en").add("title", title)
                .add("summary", "Picket lines " + RUN).add("body", "The **mirror** keeps this update " + RUN + ".").build().toString();
        Api.Reply created = api.send("POST", "api/admin/documents", json, editor);
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        Api.Reply published = api.send("POST", "api/admin/documents/" + id + "/publish", "{}", editor);
        assertEquals(200, published.status(), published.body());
        return title;
    }

    private static List<Path> pages(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.getFileName().toString().equals("index.html")).sorted().toList();
        }
    }

    @Test
    void onlyAnAdminExportsAndABadBaseIsRefused() {
        assertEquals(401, api.send("POST", "api/admin/mirror", null, null).status());
        String reader = api.account("mirror-reader-" + RUN, "mirror test passphrase", "\"roles\":[\"editor\"],\"languages\":[\"en\"]");
        assertEquals(403, api.send("POST", "api/admin/mirror", null, reader).status());
        assertEquals(403, api.send("GET", "api/admin/mirror.tar.gz", null, reader).status());
        Api.Reply bad = api.send("POST", "api/admin/mirror?base=ftp://example.org/", null, admin);
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("base must be an absolute http or https address"), bad.body());
    }

    @Test
    void theMirrorIsTheWholePublicSiteLinkedByRelativePathsToRealFiles() throws IOException {
        String title = publishUpdate("Strike day mirror " + RUN);
        JsonObject state = exported("?base=https://mirror.example.org/copy/");
        Path folder = Path.of(state.getString("folder"));
        for (String file : List.of("index.html", "es/index.html", "es/platform/index.html", "ja/platform/index.html", "ar/search/index.html",
                "feeds/es/updates.atom", "assets/site.css", "assets/mirror-search.js", "search/ja.js", "sitemap.xml", "mirror.json")) {
            assertTrue(Files.isRegularFile(folder.resolve(file)), file + " is in the mirror");
        }
        String canonical = state.getString("canonical");
        List<Path> pages = pages(folder);
        assertTrue(pages.size() > 50, "every language's pages: " + pages.size());
        boolean updateFound = false;
        for (Path page : pages) {
            String where = folder.relativize(page).toString();
            Document html = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8));
            Element notice = html.selectFirst("body > aside.mirror-notice a");
            assertTrue(notice != null && notice.attr("href").startsWith(canonical), where + " says it is a copy and links the site");
            assertTrue(html.select("form[method=post]").isEmpty(), where + " has no form that needs the server");
            for (Element linked : html.select("a[href], link[href], script[src], img[src], form[action]")) {
                String link = linked.hasAttr("href") ? linked.attr("href") : linked.hasAttr("src") ? linked.attr("src") : linked.attr("action");
                assertFalse(link.startsWith("/"), where + " links " + link + " from the root of a host");
                assertFalse(link.contains("127.0.0.1"), where + " links the instance the export read: " + link);
                if (!link.contains(":") && !link.startsWith("#")) {
                    String path = URLDecoder.decode(link.replaceAll("[?#].*$", ""), StandardCharsets.UTF_8);
                    assertTrue(Files.isRegularFile(page.getParent().resolve(path).normalize()), where + " links " + link + ", which is no file");
                }
            }
            updateFound |= where.startsWith("en/") && html.select("main h1").text().equals(title);
        }
        assertTrue(updateFound, "the update published before the export has its page");
        Document subscribe = Jsoup.parse(Files.readString(folder.resolve("es/subscribe/index.html"), StandardCharsets.UTF_8));
        assertTrue(subscribe.selectFirst("p.mirror-form a").attr("href").startsWith(canonical + "es/subscribe"), "subscribing happens on the site");
        Document platform = Jsoup.parse(Files.readString(folder.resolve("es/platform/index.html"), StandardCharsets.UTF_8));
        assertEquals(canonical + "es/platform", platform.selectFirst("link[rel=canonical]").attr("href"), "the copy names the site as canonical");
        assertEquals("../../assets/site.css", platform.selectFirst("link[rel=stylesheet]").attr("href"));
        String sitemap = Files.readString(folder.resolve("sitemap.xml"), StandardCharsets.UTF_8);
        assertTrue(sitemap.contains("<loc>https://mirror.example.org/copy/es/platform/index.html</loc>"), "the sitemap lists the copy's addresses");
        assertTrue(sitemap.contains("hreflang=\"ja\" href=\"https://mirror.example.org/copy/ja/platform/index.html\""), "with hreflang alternates");
        assertTrue(Files.readString(folder.resolve("search/ja.js"), StandardCharsets.UTF_8).contains("\"階級\""), "Japanese words are indexed by word");
    }

    @Test
    void aLaterExportRewritesOnlyWhatChangedAndTheArchiveHoldsIt() throws IOException {
        exported("");
        JsonObject again = exported("");
        assertEquals(0, again.getInt("written"), "nothing changed, nothing written: " + again);
        assertEquals(again.getInt("files"), again.getInt("unchanged"));
        String title = publishUpdate("Second mirror update " + RUN);
        JsonObject changed = exported("");
        assertTrue(changed.getInt("written") > 0 && changed.getInt("written") < changed.getInt("files") / 2,
                "the new update's pages and the pages listing it, not the whole site: " + changed);
        Path folder = Path.of(changed.getString("folder"));
        boolean found = false;
        for (Path page : pages(folder.resolve("en"))) {
            found |= Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8)).select("main h1").text().equals(title);
        }
        assertTrue(found, "the new update is in the copy");

        byte[] archive = download();
        Set<String> names = new HashSet<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertEquals(changed.getInt("files"), names.size(), "every file of the mirror");
        assertTrue(names.containsAll(List.of("mirror/index.html", "mirror/es/platform/index.html", "mirror/sitemap.xml")), names.toString());
    }

    private byte[] download() {
        try {
            HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                    api.request("api/admin/mirror.tar.gz").header("Authorization", admin).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            assertEquals("application/gzip", response.headers().firstValue("Content-Type").orElse(""));
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCopySearchesInTheBrowserFromFilesWithNoServer() {
        Path folder = Path.of(exported("").getString("folder"));
        // "file:///…/": URI.resolve would drop the empty authority and give "file:/…", which the browser never shows
        String root = folder.toUri().toString();
        browser.get(root + "ja/search/index.html?q=" + java.net.URLEncoder.encode("労働者階級", StandardCharsets.UTF_8));
        List<WebElement> hits = await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(By.cssSelector("#mirror-results li h2 a")),
                found -> !found.isEmpty());
        assertTrue(hits.stream().anyMatch(a -> a.getAttribute("href").endsWith("/ja/platform/index.html")), "the platform in Japanese is found");
        WebElement mark = browser.findElement(By.cssSelector("#mirror-results .snippet mark"));
        assertTrue(!mark.getText().isEmpty() && "労働者階級".contains(mark.getText()), "a word of the query is marked: " + mark.getText());

        browser.get(root + "es/search/index.html");
        WebElement input = browser.findElement(By.cssSelector("form.search input[name=q]"));
        input.sendKeys("huelga general");
        input.submit();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(By.cssSelector("#mirror-results li")).size(), n -> n > 0);
        browser.findElement(By.cssSelector("#mirror-results li h2 a")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.getCurrentUrl().contains("/search/"));
        assertTrue(browser.getCurrentUrl().startsWith(root + "es/"), browser.getCurrentUrl() + " is not in " + root);
        assertFalse(browser.findElements(By.cssSelector("aside.mirror-notice")).isEmpty(), "a found page opens from the copy");

        browser.get(root + "es/search/index.html?q=zzqxj" + RUN);
        WebElement status = await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("mirror-status")), s -> !s.getText().isBlank());
        assertTrue(status.getText().contains("zzqxj" + RUN), status.getText());

        browser.get(root + "index.html");
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/es/index.html"));
        browser.get(root + "index.html#choose");
        List<String> offered = new ArrayList<>();
        browser.findElements(By.cssSelector("ul.mirror-languages a")).forEach(a -> offered.add(a.getAttribute("hreflang")));
        assertTrue(offered.containsAll(List.of("en", "es", "ar", "ja", "zh-Hans")), offered.toString());
    }
}
