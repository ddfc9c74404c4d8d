package org.internationale.site.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.core.ConditionTimeoutException;
import org.internationale.testing.Api;
import org.internationale.testing.Chromium;
import org.internationale.testing.Deployments;
import org.internationale.testing.MailServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The reader site and the workspace on the deployed WAR, in a real browser (Debian's headless Chromium through its
 * chromedriver) and over plain HTTP: a reader reads the platform in Arabic, searches in Japanese, signs a statement
 * (the confirmation arrives at GreenMail) and finds the subscribe form; a translator fixes an outdated Spanish clause
 * from the diff, a reviewer approves it and readers get it; an editor publishes an update. axe-core checks the home,
 * platform and search pages for serious and critical accessibility violations. Caching, redirects, error pages and
 * the coexistence with {@code /api}, {@code /feeds} and {@code /health} are checked over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SiteIT {

    private static final String PASSWORD = "site test passphrase";
    /** A clause no other class reads or changes: the classes share one server and may run in any order. */
    private static final String CLAUSE = "demands.fair-treatment.essential-workers";
    /** Makes this run's mail addresses its own: the server and its database may have seen the plain ones. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static MailServer smtp;
    private static WebDriver browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void start() {
        smtp = MailServer.shared();
        browser = Chromium.start(null, "--window-size=1280,1600");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        String root = base.toString().replaceAll("/+$", "");
        return root + path;
    }

    private void open(String path) {
        browser.get(url(path));
    }

    /**
     * The element, waiting up to ten seconds for it: after a click that submits a form the next page may still be
     * loading (a run on PostgreSQL once looked for the preview on the page before it). Fails with where the browser is.
     */
    private WebElement find(String css) {
        try {
            return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> browser.findElements(By.cssSelector(css)), found -> !found.isEmpty()).get(0);
        } catch (ConditionTimeoutException e) {
            return fail("No " + css + " on " + browser.getCurrentUrl() + " (" + browser.getTitle() + ")");
        }
    }

    private List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    private static void eventually(String what, Supplier<Boolean> condition) {
        try {
            await(what).atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(() -> holds(condition));
        } catch (ConditionTimeoutException e) {
            fail("Timed out waiting until " + what);
        }
    }

    /** A condition on a page that may be reloading: an element gone stale means "not yet". */
    private static boolean holds(Supplier<Boolean> condition) {
        try {
            return condition.get();
        } catch (org.openqa.selenium.WebDriverException e) {
            return false;
        }
    }

    private void screenshot(String name) throws IOException {
        Path folder = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Injects axe-core into the current page and fails on serious or critical violations; prints the others. */
    private void accessible(String page) throws IOException {
        Path script = Path.of(System.getProperty("it.axe.script", "target/browser/node_modules/axe-core/axe.min.js"));
        if (!Files.isReadable(script)) {
            fail("axe-core is missing at " + script + ": the build installs it with npm ci in pre-integration-test");
        }
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(Files.readString(script, StandardCharsets.UTF_8));
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done('ERROR ' + e); });");
        String json = String.valueOf(result);
        if (json.startsWith("ERROR")) {
            fail("axe-core failed on " + page + ": " + json);
        }
        JsonArray violations;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            violations = reader.readArray();
        }
        List<String> blocking = new ArrayList<>();
        for (JsonValue value : violations) {
            JsonObject violation = value.asJsonObject();
            String impact = violation.isNull("impact") ? "minor" : violation.getString("impact");
            String line = impact + " " + violation.getString("id") + ": " + violation.getString("help") + " ("
                    + violation.getJsonArray("nodes").size() + " elements, e.g. "
                    + violation.getJsonArray("nodes").getJsonObject(0).getJsonArray("target") + ")";
            if (impact.equals("serious") || impact.equals("critical")) {
                blocking.add(line);
            } else {
                System.out.println("axe on " + page + ": " + line);
            }
        }
        assertTrue(blocking.isEmpty(), "serious or critical accessibility violations on " + page + ":\n" + String.join("\n", blocking));
    }

    private void login(String username, String password) {
        open("/workspace/login");
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        find("form button[type=submit]").click();
        eventually(username + " is logged in", () -> !browser.getCurrentUrl().contains("/login"));
    }

    private void logout() {
        find("form.logout button").click();
        eventually("logged out", () -> browser.getCurrentUrl().contains("/workspace/login"));
    }

    // ——— readers ———

    @Test
    void readerReadsThePlatformInArabicRightToLeft() throws IOException {
        open("/ar/platform");
        WebElement html = find("html");
        assertEquals("ar", html.getAttribute("lang"));
        assertEquals("rtl", html.getAttribute("dir"));
        assertFalse(all("#" + CLAUSE.replace(".", "\\.")).isEmpty(), "the clause has its anchor");
        // the switcher lists native names, the Arabic-script ones first in Arabic collation
        List<String> names = all("details.languages li a").stream().map(a -> a.getAttribute("textContent").strip()).toList();
        assertEquals(List.of("اردو", "العربية", "فارسی"), names.subList(0, 3), names.toString());
        assertTrue(names.contains("日本語") && names.contains("Kiswahili"), names.toString());
        assertFalse(all("link[rel=alternate][hreflang=ja]").isEmpty(), "hreflang alternates");
        assertFalse(all("link[rel=canonical]").isEmpty(), "canonical link");
        assertFalse(all("link[type='application/atom+xml']").isEmpty(), "Atom feed links");
        screenshot("platform-ar.png");
        accessible("/ar/platform");
    }

    @Test
    void homeAndSearchAreAccessible() throws IOException {
        open("/en/");
        assertEquals("en", find("html").getAttribute("lang"));
        accessible("/en/");
        open("/es/search?q=huelga");
        accessible("/es/search");
    }

    @Test
    void readerSearchesInJapaneseAndSeesTheHitHighlighted() throws IOException {
        eventually("the search index answers in Japanese", () -> {
            open("/ja/search?q=" + URLEncoder.encode("ストライキ", StandardCharsets.UTF_8));
            return !all("ol.results mark").isEmpty();
        });
        assertEquals("ja", find("html").getAttribute("lang"));
        WebElement mark = all("ol.results mark").get(0);
        assertTrue(mark.getText().contains("ストライキ"), mark.getText());
        screenshot("search-ja.png");
        // the search form itself, typed in by the reader
        find("#q").clear();
        find("#q").sendKeys("労働者");
        find("form.search button").click();
        // the first search's URL has a q= too: wait for the page that answers the second one
        String second = URLEncoder.encode("労働者", StandardCharsets.UTF_8);
        eventually("the second search shows", () -> browser.getCurrentUrl().contains("q=" + second)
                && "complete".equals(((JavascriptExecutor) browser).executeScript("return document.readyState")));
        assertEquals("労働者", find("#q").getAttribute("value"));
        assertFalse(all("ol.results li").isEmpty(), "results for 労働者: " + find("p[role=status]").getText());
    }

    @Test
    void readerSubscribesInSwahiliAndConfirmsFromTheMail() throws Exception {
        open("/sw/");
        find("a.button[href='/sw/subscribe']").click();
        assertEquals("sw", find("html").getAttribute("lang"));
        find("main form button[type=submit]").click();
        eventually("an empty address is refused on the page", () -> !all(".field .error").isEmpty());
        String address = "msomaji-" + RUN + "@example.org";
        find("#email").sendKeys(address);
        new Select(find("#language2")).selectByValue("en");
        find("main form button[type=submit]").click();
        eventually("the page says to check the inbox", () -> !all(".notice-done").isEmpty());
        assertTrue(browser.getCurrentUrl().endsWith("/sw/subscribe?sent"), browser.getCurrentUrl());
        MimeMessage mail = mailTo(address);
        Matcher link = Pattern.compile("https?://\\S+/subscriptions/confirm\\?token=[A-Za-z0-9_-]+")
                .matcher(String.valueOf(mail.getContent()));
        assertTrue(link.find(), "the mail carries the confirmation link: " + mail.getContent());
        browser.get(link.group());
        find("form button").click();
        eventually("the confirmation page answers", () -> all("form button").isEmpty());
        Api admin = new Api(base);
        String confirmed = "api/admin/subscribers?state=confirmed&q=" + URLEncoder.encode(address, StandardCharsets.UTF_8);
        eventually("the subscriber is confirmed", () -> admin.send("GET", confirmed, null,
                Api.basic("admin", Api.ADMIN_PASSWORD)).json().getJsonArray("items").size() == 1);
        JsonObject subscriber = admin.send("GET", confirmed, null,
                Api.basic("admin", Api.ADMIN_PASSWORD)).json().getJsonArray("items").getJsonObject(0);
        assertTrue(subscriber.toString().contains("\"sw\"") && subscriber.toString().contains("\"en\""),
                "Swahili first, then English: " + subscriber);
    }

    /** The first mail GreenMail received for an address, waiting for it. */
    private static MimeMessage mailTo(String address) {
        eventually("a mail to " + address + " arrives", () -> !smtp.messagesTo(address).isEmpty());
        return smtp.messagesTo(address).get(0);
    }

    @Test
    void organisationSignsAStatementAndGetsTheConfirmationMail() throws Exception {
        Api api = new Api(base);
        String editor = Api.basic("admin", Api.ADMIN_PASSWORD);
        Api.Reply created = api.send("POST", "api/admin/documents", Json.createObjectBuilder().add("type", "statement")
                .add("language", "en").add("title", "Solidarity with the dock workers").add("summary", "A joint statement")
                .add("body", "We stand with the **dock workers**.").build().toString(), editor);
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals(200, api.send("POST", "api/admin/documents/" + id + "/publish", "{}", editor).status());

        open("/fr/statements/" + id);
        assertFalse(all(".notice-fallback").isEmpty(), "a French reader is told the statement is shown in English");
        assertEquals("en", find("article").getAttribute("lang"));
        find("main form button[type=submit]").click();
        eventually("an empty form is refused with messages on the fields", () -> !all(".field .error").isEmpty());
        find("#organisation").sendKeys("Syndicat des dockers");
        find("#country").sendKeys("France");
        String address = "dockers-" + RUN + "@example.org";
        find("#email").sendKeys(address);
        find("main form button[type=submit]").click();
        eventually("the statement says to check the inbox", () -> !all(".notice-done").isEmpty());
        MimeMessage mail = mailTo(address);
        assertTrue(mail.getSubject().contains("Solidarity with the dock workers"), mail.getSubject());
        Matcher link = Pattern.compile("https?://\\S+/statements/confirm\\?token=[A-Za-z0-9_-]+").matcher(String.valueOf(mail.getContent()));
        assertTrue(link.find(), String.valueOf(mail.getContent()));
        browser.get(link.group());
        find("form button").click();
        eventually("the signature is confirmed", () -> all("form button").isEmpty());

        // an editor approves it in the workspace; then readers see the signatory
        login("admin", Api.ADMIN_PASSWORD);
        open("/workspace/documents/" + id);
        WebElement row = all("#signatures tbody tr").stream().filter(r -> r.getText().contains("Syndicat des dockers")).findFirst().orElseThrow();
        row.findElement(By.cssSelector("button[value=approve]")).click();
        eventually("moderated", () -> !all(".notice-done").isEmpty());
        logout();
        open("/fr/statements/" + id);
        assertTrue(find("ul.signatories").getText().contains("Syndicat des dockers (France)"), find("main").getText());
    }

    // ——— workspace ———

    @Test
    void translatorFixesAnOutdatedSpanishClauseAndReadersGetItOnceApproved() {
        Api api = new Api(base);
        api.account("site-translator", PASSWORD, "\"roles\":[\"translator\"],\"languages\":[\"es\"]");
        api.account("site-reviewer", PASSWORD, "\"roles\":[\"reviewer\"],\"languages\":[\"es\"]");
        // an editor changes the meaning of the English clause: the Spanish translation is now outdated
        JsonObject clause = api.get("api/platform/clauses/" + CLAUSE).json();
        String english = "All essential workers must be provided with adequate protective equipment, clean worksites and 21 percent hazard pay.";
        Api.Reply revised = api.putJson("api/admin/platform/clauses/" + CLAUSE, Json.createObjectBuilder().add("text", english)
                .add("baseRevision", clause.getInt("sourceRevision")).add("changeKind", "meaning").add("message", "site test")
                .build().toString(), Api.basic("admin", Api.ADMIN_PASSWORD));
        assertEquals(200, revised.status(), revised.body());
        open("/es/platform");
        assertFalse(all("p.notice-outdated a[href='/en/platform#" + CLAUSE + "']").isEmpty(), "readers see the outdated notice");

        login("site-translator", PASSWORD);
        find("a[href='/workspace/translations/es']").click();
        List<String> states = all("main table tbody tr .status").stream().map(e -> e.getAttribute("class")).toList();
        int lastOutdated = states.lastIndexOf("status status-outdated");
        assertTrue(lastOutdated < 0 || states.subList(0, lastOutdated).stream().allMatch(c -> c.endsWith("outdated")),
                "outdated first: " + states);
        WebElement row = all("main table tbody tr").stream().filter(r -> r.getText().contains(CLAUSE)).findFirst().orElseThrow();
        assertTrue(row.findElement(By.cssSelector(".status")).getAttribute("class").contains("outdated"), row.getText());
        row.findElement(By.cssSelector("a")).click();
        assertTrue(all("#source-diff ins").stream().anyMatch(e -> e.getText().contains("21")), "the diff shows what changed in the original: "
                + find("#source-diff").getText());
        WebElement text = find("#text");
        text.clear();
        text.sendKeys("Todas las personas trabajadoras esenciales deben recibir equipo de protección adecuado, lugares de trabajo limpios y un plus de peligrosidad del 21 por ciento.");
        find("button[value=save]").click();
        eventually("saved", () -> !all(".notice-done").isEmpty());
        find("button[value=submit]").click();
        eventually("submitted", () -> find("h1 .status").getText().equals("Waiting for review")
                || find("h1 .status").getAttribute("class").contains("submitted"));
        logout();

        login("site-reviewer", PASSWORD);
        open("/workspace/translations/es/" + CLAUSE);
        find("button[value=approve]").click();
        eventually("approved", () -> find("h1 .status").getAttribute("class").contains("approved"));
        logout();

        open("/es/platform");
        WebElement served = find("#" + CLAUSE.replace(".", "\\."));
        assertTrue(served.getText().contains("21"), served.getText());
        assertTrue(all("p.notice-outdated a[href='/en/platform#" + CLAUSE + "']").isEmpty(), "no longer outdated");
    }

    @Test
    void editorWritesPreviewsAndPublishesAnUpdate() throws Exception {
        new Api(base).account("site-editor", PASSWORD, "\"roles\":[\"editor\"],\"languages\":[]");
        login("site-editor", PASSWORD);
        open("/workspace/documents/new");
        find("#title").sendKeys("Dock strike wins sick pay");
        find("#summary").sendKeys("The port agreed to paid sick leave.");
        find("#body").sendKeys("After **nine days** the port agreed.");
        find("#demands").sendKeys(CLAUSE);
        find("button[value=preview]").click();
        assertEquals("nine days", find(".preview strong").getText(), "the Markdown preview renders before saving");
        find("button[value=save]").click();
        eventually("created", () -> browser.getCurrentUrl().matches(".*/workspace/documents/\\d+.*"));
        Matcher id = Pattern.compile("/workspace/documents/(\\d+)").matcher(browser.getCurrentUrl());
        assertTrue(id.find());
        find("button[value=publish]").click();
        eventually("published", () -> find("h1 .status").getAttribute("class").contains("published"));

        // a newsletter with the update in it: preview per language, a campaign, its coverage and a test send
        open("/workspace/documents/new");
        new Select(find("#type")).selectByValue("newsletter");
        find("#title").sendKeys("Dockers' newsletter");
        find("#body").sendKeys("News from the **ports**.");
        find("button[value=save]").click();
        eventually("the newsletter is created", () -> browser.getCurrentUrl().matches(".*/workspace/documents/\\d+.*"));
        find("a[href^='/workspace/newsletters/']").click();
        find("#items").sendKeys(id.group(1));
        find("button[value=items]").click();
        eventually("items saved", () -> !all(".notice-done").isEmpty());
        assertEquals("Dockers' newsletter", find("#subject").getText());
        assertFalse(all("iframe.mail").isEmpty(), "the mail itself is previewed");
        new Select(find("#lang")).selectByValue("ar");
        find("form.search button").click();
        eventually("the Arabic preview says it falls back", () -> browser.getCurrentUrl().contains("lang=ar"));
        find("button[value=campaign]").click();
        eventually("the campaign page shows", () -> browser.getCurrentUrl().matches(".*/workspace/campaigns/\\d+.*"));
        assertFalse(all("#campaign-progress").isEmpty(), "a progress bar");
        String tester = "tester-" + RUN + "@example.org";
        find("#addresses").sendKeys(tester);
        find("button[value=test]").click();
        eventually("the test is sent", () -> !all(".notice-done").isEmpty());
        MimeMessage test = mailTo(tester);
        assertTrue(test.getSubject().contains("Dockers' newsletter"), test.getSubject());
        logout();

        open("/en/");
        assertFalse(all("a[href='/en/updates/" + id.group(1) + "']").isEmpty(), "the home page lists the update");
        open("/en/updates/" + id.group(1));
        assertEquals("nine days", find("article strong").getText());
        open("/en/demands/" + CLAUSE);
        assertFalse(all("a[href='/en/updates/" + id.group(1) + "']").isEmpty(), "the demand lists its update");

        // the editor records that the demand was won; readers see the status and its timeline
        login("site-editor", PASSWORD);
        open("/workspace/demands");
        WebElement demandRow = find("tr[id='" + CLAUSE + "']");
        new Select(demandRow.findElement(By.cssSelector("select[name=status]"))).selectByValue("won");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-11-20';", demandRow.findElement(By.cssSelector("input[name=date]")));
        demandRow.findElement(By.cssSelector("input[name=note]")).sendKeys("Agreement signed");
        demandRow.findElement(By.cssSelector("button")).click();
        eventually("recorded", () -> !all(".notice-done").isEmpty());
        logout();
        open("/en/demands/" + CLAUSE);
        assertTrue(find("ol.timeline").getText().contains("Agreement signed"), find("main").getText());
        assertFalse(all("h1 .status-won").isEmpty(), "the demand shows as won");
    }

    // ——— HTTP ———

    @Test
    void rootRedirectsByAcceptLanguage() {
        Api api = new Api(base);
        Api.Reply reply = api.get("/", "Accept-Language", "ja-JP,ja;q=0.9,en;q=0.5");
        assertEquals(303, reply.status());
        assertTrue(reply.raw().headers().firstValue("Location").orElse("").endsWith("/ja/"), reply.raw().headers().toString());
        Api.Reply portuguese = api.get("/", "Accept-Language", "pt-PT");
        assertTrue(portuguese.raw().headers().firstValue("Location").orElse("").endsWith("/pt-BR/"));
        assertEquals(301, api.get("/pt-br/platform").status(), "a non-canonical tag goes to the canonical address");
    }

    @Test
    void publicPagesAnswerNotModifiedForTheirEntityTag() {
        Api api = new Api(base);
        Api.Reply page = api.get("/de/platform");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"));
        assertEquals("de", page.contentLanguage());
        String etag = page.raw().headers().firstValue("ETag").orElseThrow();
        // a cache in front may keep it a second and serve it stale while it asks again; browsers always ask
        assertEquals("public, max-age=0, s-maxage=1, stale-while-revalidate=30, stale-if-error=86400",
                page.raw().headers().firstValue("Cache-Control").orElse(""));
        Api.Reply again = api.send(api.request("/de/platform").header("If-None-Match", etag).GET());
        assertEquals(304, again.status());
        assertEquals("", again.body());
    }

    @Test
    void pagesAreLight() {
        Api api = new Api(base);
        int css = api.get("/assets/site.css").body().getBytes(StandardCharsets.UTF_8).length;
        for (String path : List.of("/ar/platform", "/en/", "/hi/platform", "/ja/search?q=%E5%8A%B4%E5%83%8D%E8%80%85")) {
            Api.Reply page = api.get(path);
            assertEquals(200, page.status(), path);
            int bytes = page.body().getBytes(StandardCharsets.UTF_8).length + css;
            assertTrue(bytes < 50 * 1024, path + " weighs " + bytes + " bytes with its stylesheet");
            assertFalse(page.body().contains("<script"), path + " needs no script");
        }
    }

    @Test
    void unknownLanguagesAndPagesAreHtml404s() {
        Api api = new Api(base);
        for (String path : List.of("/xx/", "/en/nothing-here", "/es/updates/999999", "/es/pages/no-such-page", "/no/such/thing")) {
            Api.Reply reply = api.get(path);
            assertEquals(404, reply.status(), path);
            assertTrue(reply.contentType().startsWith("text/html"), path + " " + reply.contentType());
        }
    }

    @Test
    void theApiFeedsAndHealthKeepTheirAddresses() {
        Api api = new Api(base);
        assertTrue(api.get("api/languages").contentType().startsWith("application/json"));
        assertTrue(api.get("api/nothing").contentType().startsWith("application/problem+json"));
        assertTrue(api.get("feeds/en/updates.atom").contentType().startsWith("application/atom+xml"));
        assertEquals(200, api.get("health/ready").status());
        assertEquals(200, api.get("openapi").status());
        assertEquals(404, api.get("statements/confirm?token=nope").status());
    }

    @Test
    void workspaceChangesNeedTheSessionsCsrfToken() {
        Api api = Api.browser(base);
        api.account("site-csrf", PASSWORD, "\"roles\":[\"editor\"],\"languages\":[]");
        Api.Reply login = api.send(api.request("workspace/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=site-csrf&password=" + PASSWORD.replace(' ', '+'))));
        assertEquals(303, login.status(), login.body());
        Api.Reply forged = api.send(api.request("workspace/editions").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("note=forged")));
        assertEquals(403, forged.status());
        Api.Reply anonymous = new Api(base).get("workspace/documents");
        assertEquals(303, anonymous.status(), "the workspace sends strangers to the login");
        Api.Reply wrong = new Api(base).send(new Api(base).request("workspace/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=site-csrf&password=wrong")));
        assertEquals(401, wrong.status());
        assertTrue(wrong.contentType().startsWith("text/html"));
        // not just the form, whose password field is always there: the reason, in the page's language
        assertTrue(wrong.body().contains("<p class=\"notice notice-error\" role=\"alert\">The user name or password is not right.</p>"),
                wrong.body());
    }

    @Test
    void workspacePagesFollowRolesAndLanguageGrants() {
        Api api = new Api(base);
        String translator = api.account("site-grants", PASSWORD, "\"roles\":[\"translator\"],\"languages\":[\"es\"]");
        String editor = api.account("site-grants-editor", PASSWORD, "\"roles\":[\"editor\"],\"languages\":[]");
        assertEquals(200, api.send("GET", "workspace/translations/es", null, translator).status());
        assertEquals(200, api.send("GET", "workspace/translations/es/" + CLAUSE, null, translator).status());
        Api.Reply otherLanguage = api.send("GET", "workspace/translations/fr", null, translator);
        assertEquals(403, otherLanguage.status());
        assertTrue(otherLanguage.contentType().startsWith("text/html"), otherLanguage.contentType());
        assertEquals(403, api.send("GET", "workspace/documents", null, translator).status());
        assertEquals(200, api.send("GET", "workspace/documents", null, editor).status());
        assertEquals(200, api.send("GET", "workspace/translations/fr", null, editor).status(), "editors read every language");
        assertEquals(404, api.send("GET", "workspace/translations/xx", null, editor).status());
        Api.Reply po = api.send("GET", "workspace/translations/es/export.po", null, translator);
        assertEquals(200, po.status());
        assertTrue(po.body().contains("msgctxt \"" + CLAUSE + "\""), "the PO download has the clause");
    }

    @Test
    void platformEditionsCanBePickedAndCompared() {
        Api api = new Api(base);
        String admin = Api.basic("admin", Api.ADMIN_PASSWORD);
        String clause = "demands.housing.halt-evictions";
        assertEquals(201, api.send("POST", "api/admin/platform/editions", "{\"note\":\"before\"}", admin).status());
        JsonObject detail = api.get("api/platform/clauses/" + clause).json();
        Api.Reply revised = api.putJson("api/admin/platform/clauses/" + clause, Json.createObjectBuilder()
                .add("text", detail.getString("text") + " Everywhere.").add("baseRevision", detail.getInt("sourceRevision"))
                .add("changeKind", "wording").add("message", "site test").build().toString(), admin);
        assertEquals(200, revised.status(), revised.body());
        assertEquals(201, api.send("POST", "api/admin/platform/editions", "{\"note\":\"after\"}", admin).status());
        JsonArray editions = api.get("api/platform/editions").jsonValue().asJsonArray();
        int last = editions.getJsonObject(editions.size() - 1).getInt("number");

        Api.Reply old = api.get("/en/platform?edition=" + (last - 1));
        assertEquals(200, old.status());
        assertFalse(old.body().contains("Everywhere."), "the earlier edition is shown as it was");
        assertTrue(old.body().contains("<option value=\"" + (last - 1) + "\" selected>"), "the picker shows the chosen edition");
        Api.Reply changes = api.get("/en/platform/changes?from=" + (last - 1) + "&to=" + last);
        assertEquals(200, changes.status());
        assertTrue(changes.body().contains("<ins>") && changes.body().contains(clause), changes.body());
        assertEquals(404, api.get("/en/platform?edition=99999").status());
    }

    @Test
    void translatorDownloadsAndUploadsAPoFileAndReadsTheImportReport() {
        Api setup = new Api(base);
        setup.account("site-files", PASSWORD, "\"roles\":[\"translator\"],\"languages\":[\"fr\"]");
        Api browserLike = Api.browser(base);
        Api.Reply login = browserLike.send(browserLike.request("workspace/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=site-files&password=" + PASSWORD.replace(' ', '+'))));
        assertEquals(303, login.status(), login.body());
        Api.Reply page = browserLike.get("workspace/translations/fr");
        assertEquals(200, page.status());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(csrf.find(), "the page carries the session's CSRF token");
        String po = browserLike.get("workspace/translations/fr/export.po").body();
        assertTrue(po.contains("msgctxt"), po);
        String form = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
                + "&file=" + URLEncoder.encode(po, StandardCharsets.UTF_8);
        Api.Reply imported = browserLike.send(browserLike.request("workspace/translations/fr/import")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(200, imported.status(), imported.body());
        assertTrue(imported.body().contains("unchanged"), "an untouched export changes nothing, and the report says so");
        Api.Reply garbage = browserLike.send(browserLike.request("workspace/translations/fr/import")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&file=msgid+%22unterminated")));
        assertEquals(400, garbage.status(), "an unreadable file is the translator's error, shown on a page");
        assertTrue(garbage.contentType().startsWith("text/html"));
    }
}
