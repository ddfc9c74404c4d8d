package org.internationale.identity.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.internationale.testing.Api;
import org.internationale.testing.Deployments;
import org.internationale.testing.MailServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * People, roles and permissions on the deployed application: the access matrix, lockout, tokens, password changes,
 * deactivation, CSRF, security headers, request limits and the audit log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdentityIT {

    private static final String PASSWORD = "correct horse battery";
    private static final Map<String, String> CALLERS = new LinkedHashMap<>();
    /** Subscribing mails a confirmation and the bounce check reads a mailbox: both need a mail server to answer. */
    @BeforeAll
    static void mail() {
        MailServer.shared();
    }

    static {
        CALLERS.put("anonymous", null);
        CALLERS.put("translator-es", "{\"roles\":[\"translator\"],\"languages\":[\"es\"]}");
        CALLERS.put("reviewer-es", "{\"roles\":[\"reviewer\"],\"languages\":[\"es\"]}");
        CALLERS.put("editor", "{\"roles\":[\"editor\"],\"languages\":[]}");
        CALLERS.put("admin", "{\"roles\":[\"admin\"],\"languages\":[]}");
    }

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
    }

    private static String admin() {
        return Api.basic("admin", Api.ADMIN_PASSWORD);
    }

    /** Creates the account unless it exists; the name is prefixed so that test accounts are recognisable. */
    private String account(String name, String rolesAndLanguages) {
        String username = "it-" + name;
        api.account(username, PASSWORD, rolesAndLanguages.substring(1, rolesAndLanguages.length() - 1));
        return username;
    }

    @Test
    void everyCallerGetsExactlyTheStatusTheMatrixSays() throws IOException {
        Map<String, String> authorization = new LinkedHashMap<>();
        for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
            if (caller.getValue() == null) {
                authorization.put(caller.getKey(), null);
                continue;
            }
            // each caller presents a bearer token: the roles behind it are the account's, as with a password, and a
            // token costs one hash lookup where Basic costs a deliberately slow PBKDF2 on every one of ~400 requests
            String basic = Api.basic(account("matrix-" + caller.getKey(), caller.getValue()), PASSWORD);
            Api.Reply issued = api.send("POST", "api/admin/tokens", "{\"name\":\"access matrix\"}", basic);
            assertEquals(201, issued.status(), issued.body());
            authorization.put(caller.getKey(), "Bearer " + issued.json().getString("token"));
        }
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        try (InputStream in = IdentityIT.class.getResourceAsStream("/access-matrix.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                assertEquals(3 + CALLERS.size(), cells.length, "malformed matrix row: " + line);
                int column = 3;
                for (String caller : CALLERS.keySet()) {
                    int expected = Integer.parseInt(cells[column++].strip());
                    Api.Reply reply = api.send(cells[0], cells[1], "-".equals(cells[2]) ? null : cells[2], authorization.get(caller));
                    checked++;
                    if (reply.status() != expected) {
                        wrong.add(cells[0] + " " + cells[1] + " as " + caller + ": expected " + expected + ", got " + reply.status()
                                + " " + reply.body());
                    }
                    if (reply.status() >= 400) {
                        assertTrue(reply.contentType().startsWith("application/problem+json"),
                                cells[0] + " " + cells[1] + " as " + caller + " answered " + reply.contentType());
                    }
                }
            }
        }
        assertTrue(checked >= 90, "the matrix was read");
        assertEquals(List.of(), wrong);
    }

    @Test
    void aTranslatorOfSpanishCannotWriteFrench() {
        String translator = Api.basic(account("maria", "{\"roles\":[\"translator\"],\"languages\":[\"es\"]}"), PASSWORD);
        String id = "objectives.advance-interests";
        JsonObject view = api.send("GET", "api/admin/translations/es/" + id, null, translator).json();
        int base = view.getInt("revision");
        Api.Reply spanish = api.send("PUT", "api/admin/translations/es/" + id,
                "{\"text\":\"Promover los intereses de la clase trabajadora " + System.nanoTime() + ".\",\"baseRevision\":" + base + "}", translator);
        assertEquals(200, spanish.status(), spanish.body());
        assertEquals(base + 1, spanish.json().getInt("revision"));
        assertEquals("draft", spanish.json().getString("reviewState"));
        Api.Reply french = api.send("PUT", "api/admin/translations/fr/" + id, "{\"text\":\"Défendre.\",\"baseRevision\":1}", translator);
        assertEquals(403, french.status());
        assertTrue(french.json().getString("detail").contains("fr"), french.body());
        Api.Reply stale = api.send("PUT", "api/admin/translations/es/" + id, "{\"text\":\"Otra.\",\"baseRevision\":" + base + "}", translator);
        assertEquals(409, stale.status(), "a concurrent edit is refused, not overwritten");
        assertEquals(base + 1, stale.json().getInt("currentRevision"));
    }

    @Test
    void repeatedFailuresSlowDownThenLockWithoutRevealingWhoExists() {
        String real = account("lock-me", "{\"roles\":[\"editor\"],\"languages\":[]}");
        for (String name : List.of(real, "it-no-such-person")) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(api.send("GET", "api/admin/me", null, Api.basic(name, "wrong password " + i)).status());
            }
            assertEquals(List.of(401, 401, 401, 401), statuses, name);
            Api.Reply refused = api.send("GET", "api/admin/me", null, Api.basic(name, PASSWORD));
            assertEquals(429, refused.status(), name + ": even the right password waits");
            assertTrue(refused.raw().headers().firstValue("Retry-After").isPresent());
            assertTrue(refused.contentType().startsWith("application/problem+json"));
            assertFalse(refused.body().contains(name), "the refusal does not echo the name");
        }
        Api.Reply other = api.send("GET", "api/admin/me", null, admin());
        assertEquals(200, other.status(), "other accounts are not slowed down by someone else's failures");
    }

    @Test
    void tokensAuthenticateUntilRevoked() {
        String owner = Api.basic(account("scripter", "{\"roles\":[\"editor\"],\"languages\":[]}"), PASSWORD);
        Api.Reply issued = api.send("POST", "api/admin/tokens", "{\"name\":\"nightly export\",\"expiresInDays\":30}", owner);
        assertEquals(201, issued.status(), issued.body());
        String secret = issued.json().getString("token");
        long id = issued.json().getJsonNumber("id").longValue();
        assertTrue(secret.startsWith("intl_"));

        Api.Reply me = api.send("GET", "api/admin/me", null, "Bearer " + secret);
        assertEquals(200, me.status());
        assertEquals("it-scripter", me.json().getString("username"));

        JsonArray listed = (JsonArray) api.send("GET", "api/admin/tokens", null, owner).jsonValue();
        JsonObject mine = listed.stream().map(JsonValue::asJsonObject).filter(t -> t.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
        assertFalse(mine.containsKey("token"), "the secret is never shown again");
        assertFalse(listed.toString().contains(secret));
        Instant lastUsed = Instant.parse(mine.getString("lastUsedAt"));
        assertTrue(lastUsed.isAfter(Instant.parse(issued.json().getString("createdAt"))) && !lastUsed.isAfter(Instant.now()),
                "the use just made: " + mine);

        assertEquals(404, api.send("DELETE", "api/admin/tokens/" + id, null, admin()).status(), "only the owner revokes");
        assertEquals(204, api.send("DELETE", "api/admin/tokens/" + id, null, owner).status());
        assertEquals(401, api.send("GET", "api/admin/me", null, "Bearer " + secret).status());
        assertEquals(401, api.send("GET", "api/admin/me", null, "Bearer intl_made-up").status());
    }

    @Test
    void aPasswordChangeTakesEffectAtOnce() {
        String username = account("changer", "{\"roles\":[\"reviewer\"],\"languages\":[\"fr\"]}");
        String newPassword = "a completely new passphrase " + System.nanoTime();
        Api.Reply wrongCurrent = api.send("PUT", "api/admin/me/password",
                "{\"currentPassword\":\"guess\",\"newPassword\":\"" + newPassword + "\"}", Api.basic(username, PASSWORD));
        assertEquals(403, wrongCurrent.status());
        Api.Reply tooShort = api.send("PUT", "api/admin/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"short\"}", Api.basic(username, PASSWORD));
        assertEquals(400, tooShort.status());
        assertTrue(tooShort.json().getString("detail").contains("newPassword"), tooShort.body());
        assertEquals(204, api.send("PUT", "api/admin/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + newPassword + "\"}", Api.basic(username, PASSWORD)).status());
        assertEquals(401, api.send("GET", "api/admin/me", null, Api.basic(username, PASSWORD)).status());
        assertEquals(200, api.send("GET", "api/admin/me", null, Api.basic(username, newPassword)).status());
        // an admin resets it back, e.g. for someone who forgot it
        assertEquals(200, api.send("PATCH", "api/admin/users/" + username, "{\"password\":\"" + PASSWORD + "\"}", admin()).status());
        assertEquals(200, api.send("GET", "api/admin/me", null, Api.basic(username, PASSWORD)).status());
    }

    @Test
    void aDeactivatedAccountIsLockedOutEverywhereButKeptOnRecord() {
        String username = account("leaver-" + System.nanoTime() % 100000, "{\"roles\":[\"editor\"],\"languages\":[]}");
        String basic = Api.basic(username, PASSWORD);
        String token = api.send("POST", "api/admin/tokens", "{\"name\":\"t\"}", basic).json().getString("token");
        Api browser = Api.browser(base);
        assertEquals(200, browser.send("POST", "api/session", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}", null).status());
        assertEquals(200, browser.get("api/admin/me").status());

        Api.Reply deactivated = api.send("DELETE", "api/admin/users/" + username, null, admin());
        assertEquals(200, deactivated.status());
        assertFalse(deactivated.json().getBoolean("active"));

        assertEquals(401, api.send("GET", "api/admin/me", null, basic).status());
        assertEquals(401, api.send("GET", "api/admin/me", null, "Bearer " + token).status());
        assertEquals(401, browser.get("api/admin/me").status(), "the open session ends too");
        JsonObject kept = api.send("GET", "api/admin/users/" + username, null, admin()).json();
        assertFalse(kept.getBoolean("active"));
        Instant deactivatedAt = Instant.parse(kept.getString("deactivatedAt"));
        assertTrue(Instant.parse(kept.getString("lastLoginAt")).isBefore(deactivatedAt) && !deactivatedAt.isAfter(Instant.now()),
                "deactivated after the session it ended was opened: " + kept);
    }

    @Test
    void browserSessionsNeedTheirCsrfTokenForChanges() {
        String username = account("session-translator", "{\"roles\":[\"translator\"],\"languages\":[\"de\"]}");
        Api browser = Api.browser(base);
        Api.Reply login = browser.send("POST", "api/session", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}", null);
        assertEquals(200, login.status(), login.body());
        String csrf = login.json().getString("csrfToken");
        String cookie = login.raw().headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=strict"), cookie);

        assertEquals(200, browser.get("api/admin/me").status());
        String id = "pledge.tactical-unity";
        int base = browser.get("api/admin/translations/de/" + id).json().getInt("revision");
        String edit = "{\"text\":\"Wir geloben taktische Einheit " + System.nanoTime() + ".\",\"baseRevision\":" + base + "}";
        Api.Reply forged = browser.send("PUT", "api/admin/translations/de/" + id, edit, null);
        assertEquals(403, forged.status());
        assertTrue(forged.json().getString("detail").contains("CSRF"));
        Api.Reply wrongToken = browser.send(browser.request("api/admin/translations/de/" + id).header("Content-Type", "application/json")
                .header("X-CSRF-Token", "not-the-token").PUT(HttpRequest.BodyPublishers.ofString(edit)));
        assertEquals(403, wrongToken.status());
        assertEquals(base, browser.get("api/admin/translations/de/" + id).json().getInt("revision"), "nothing was saved");
        Api.Reply genuine = browser.send(browser.request("api/admin/translations/de/" + id).header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf).PUT(HttpRequest.BodyPublishers.ofString(edit)));
        assertEquals(200, genuine.status(), genuine.body());

        assertEquals(403, browser.send("DELETE", "api/session", null, null).status(), "logging out is a change too");
        assertEquals(204, browser.send(browser.request("api/session").header("X-CSRF-Token", csrf).DELETE()).status());
        assertEquals(401, browser.get("api/admin/me").status());
        assertEquals(401, browser.send("POST", "api/session", "{\"username\":\"" + username + "\",\"password\":\"nope\"}", null).status());
    }

    @Test
    void securityHeadersAndLimitsOnEveryResponse() {
        for (Api.Reply reply : List.of(api.get("api/platform?lang=es"), api.get("api/admin/me"), api.get("nowhere"))) {
            var headers = reply.raw().headers();
            String csp = headers.firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""));
            assertTrue(headers.firstValue("Referrer-Policy").isPresent());
            assertFalse(reply.body().contains("Exception"), "no stack traces: " + reply.body());
        }
        // a client announcing a body over the limit is answered at once, before it sends a byte of it
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "PUT /api/admin/platform/clauses/pledge.tactical-unity HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (3 * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertTrue(status.startsWith("HTTP/1.1 413"), status);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyWriteIsAuditedWithWhoAndWhen() {
        Instant start = Instant.now().minusSeconds(5);
        account("audited-" + System.nanoTime() % 100000, "{\"roles\":[\"editor\"],\"languages\":[]}");
        api.send("GET", "api/admin/me", null, Api.basic("it-nobody-at-all", "wrong"));
        JsonArray events = (JsonArray) api.send("GET", "api/admin/audit?since=" + start, null, admin()).jsonValue();
        assertTrue(events.stream().map(JsonValue::asJsonObject).anyMatch(e -> "POST".equals(e.getString("action"))
                && "/admin/users".equals(e.getString("target")) && "admin".equals(e.getString("actor")) && e.getInt("status") == 201), events.toString());
        assertTrue(events.stream().map(JsonValue::asJsonObject).anyMatch(e -> "login.failed".equals(e.getString("action"))
                && "it-nobody-at-all".equals(e.getString("actor"))), events.toString());
        assertEquals(400, api.send("GET", "api/admin/audit?since=yesterday", null, admin()).status());
    }

    /** Our own origin as a browser on one of our pages sends it. */
    private String ownOrigin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    @Test
    void aPageElsewhereCannotUseABrowsersRememberedBasicCredentials() {
        String basic = Api.basic(account("cross-site", "{\"roles\":[\"editor\"],\"languages\":[]}"), PASSWORD);
        Api.Reply issued = api.send("POST", "api/admin/tokens", "{\"name\":\"kept\"}", basic);
        long id = issued.json().getJsonNumber("id").longValue();
        String bearer = "Bearer " + issued.json().getString("token");

        // the form of a page elsewhere: text/plain needs no preflight, and the browser adds the credentials it remembers
        Api.Reply pause = api.send(api.request("api/admin/campaigns/999999/pause").header("Authorization", basic)
                .header("Content-Type", "text/plain").header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "navigate")
                .POST(HttpRequest.BodyPublishers.ofString("x=1")));
        assertEquals(403, pause.status(), "refused before the resource could answer 404: " + pause.body());
        assertTrue(pause.contentType().startsWith("application/problem+json"), pause.contentType());
        assertTrue(pause.json().getString("detail").contains("another site"), pause.body());

        Api.Reply revoke = api.send(api.request("api/admin/tokens/" + id).header("Authorization", basic)
                .header("Origin", "https://evil.example").DELETE());
        assertEquals(403, revoke.status(), "an Origin alone tells, for browsers that send no Sec-Fetch-Site");
        Api.Reply sameSite = api.send(api.request("api/admin/tokens/" + id).header("Authorization", basic)
                .header("Sec-Fetch-Site", "same-site").DELETE());
        assertEquals(403, sameSite.status(), "a sibling subdomain is another site's page too");
        assertEquals(200, api.send("GET", "api/admin/me", null, bearer).status(), "the token was not revoked");

        Api.Reply bearerElsewhere = api.send(api.request("api/admin/tokens").header("Authorization", bearer)
                .header("Content-Type", "application/json").header("Origin", "https://tools.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"from a tool\"}")));
        assertEquals(201, bearerElsewhere.status(), "a token is never sent by a browser on its own: no origin check");

        Api.Reply ownPage = api.send(api.request("api/admin/tokens/" + id).header("Authorization", basic)
                .header("Origin", ownOrigin()).header("Sec-Fetch-Site", "same-origin").DELETE());
        assertEquals(204, ownPage.status(), ownPage.body());
        assertEquals(401, api.send("GET", "api/admin/me", null, bearer).status());
    }

    @Test
    void aSessionChangeFromElsewhereIsRefusedEvenWithItsToken() {
        String username = account("session-cross", "{\"roles\":[\"editor\"],\"languages\":[]}");
        Api browser = Api.browser(base);
        Api.Reply login = browser.send("POST", "api/session", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}", null);
        String csrf = login.json().getString("csrfToken");

        Api.Reply forged = browser.send(browser.request("api/session").header("X-CSRF-Token", csrf)
                .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site").DELETE());
        assertEquals(403, forged.status(), forged.body());
        assertEquals(200, browser.get("api/admin/me").status(), "still logged in");

        Api.Reply getLogout = browser.get("workspace/logout");
        assertEquals(405, getLogout.status(), "a link or an image elsewhere cannot log anyone out");
        assertEquals(200, browser.get("api/admin/me").status(), "still logged in");

        Api.Reply logout = browser.send(browser.request("workspace/logout").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", ownOrigin()).header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)));
        assertEquals(303, logout.status(), logout.body());
        assertEquals(401, browser.get("api/admin/me").status());
    }

    @Test
    void aBrowserAskingForAPageGetsNoBasicLoginDialog() {
        for (Api.Reply page : List.of(api.get("api/admin/me", "Sec-Fetch-Mode", "navigate"),
                api.get("api/admin/me", "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
                api.send(api.request("api/admin/me").header("Sec-Fetch-Mode", "navigate")
                        .header("Authorization", Api.basic("it-nobody-here", "wrong")).GET()))) {
            assertEquals(401, page.status());
            assertTrue(page.raw().headers().firstValue("WWW-Authenticate").isEmpty(), page.raw().headers().map().toString());
        }
        Api.Reply script = api.get("api/admin/me");
        assertEquals(401, script.status());
        assertTrue(script.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), "scripts are still asked");
        Api.Reply workspace = api.get("workspace/");
        assertEquals(303, workspace.status());
        assertTrue(workspace.raw().headers().firstValue("Location").orElse("").endsWith("/workspace/login"));
    }

    @Test
    void aNewPasswordEndsOtherSessionsAndTokensButNotTheSessionThatSetIt() {
        String username = account("rotator-" + System.nanoTime() % 100000, "{\"roles\":[\"editor\"],\"languages\":[]}");
        String token = "Bearer " + api.send("POST", "api/admin/tokens", "{\"name\":\"t\"}", Api.basic(username, PASSWORD)).json().getString("token");
        String login = "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}";
        Api elsewhere = Api.browser(base);
        assertEquals(200, elsewhere.send("POST", "api/session", login, null).status());
        Api here = Api.browser(base);
        String csrf = here.send("POST", "api/session", login, null).json().getString("csrfToken");

        String newPassword = "a passphrase only I know " + System.nanoTime();
        Api.Reply changed = here.send(here.request("api/admin/me/password").header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf).PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + newPassword + "\"}")));
        assertEquals(204, changed.status(), changed.body());
        assertEquals(200, here.get("api/admin/me").status(), "the session that changed it stays");
        assertEquals(401, elsewhere.get("api/admin/me").status(), "every other session ends");
        assertEquals(401, api.send("GET", "api/admin/me", null, token).status(), "tokens are revoked");

        Api.Reply reset = api.send("PATCH", "api/admin/users/" + username, "{\"password\":\"" + PASSWORD + "\"}", admin());
        assertEquals(200, reset.status());
        assertEquals(401, here.get("api/admin/me").status(), "an admin's reset ends the person's sessions too");
    }

    @Test
    void guessingTheCurrentPasswordIsThrottledLikeALogin() {
        String username = account("pw-guesser-" + System.nanoTime() % 100000, "{\"roles\":[\"editor\"],\"languages\":[]}");
        // a stolen token: it authenticates without a password, so only the password change's own check guards it
        String token = "Bearer " + api.send("POST", "api/admin/tokens", "{\"name\":\"stolen\"}", Api.basic(username, PASSWORD))
                .json().getString("token");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(api.send("PUT", "api/admin/me/password",
                    "{\"currentPassword\":\"guess " + i + "\",\"newPassword\":\"long enough new password\"}", token).status());
        }
        assertEquals(List.of(403, 403, 403, 403, 429, 429), statuses);
        Api.Reply waiting = api.send("PUT", "api/admin/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"long enough new password\"}", token);
        assertEquals(429, waiting.status(), "even the right password waits");
        assertTrue(waiting.raw().headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void tokensExpireWithinAYear() {
        String owner = Api.basic(account("expiring", "{\"roles\":[\"editor\"],\"languages\":[]}"), PASSWORD);
        assertEquals(400, api.send("POST", "api/admin/tokens", "{\"name\":\"forever\",\"expiresInDays\":366}", owner).status());
        JsonObject issued = api.send("POST", "api/admin/tokens", "{\"name\":\"default\"}", owner).json();
        Instant expires = Instant.parse(issued.getString("expiresAt"));
        Instant created = Instant.parse(issued.getString("createdAt"));
        assertEquals(365, java.time.Duration.between(created, expires).toDays(), "without expiresInDays a token lives a year");
    }
}
