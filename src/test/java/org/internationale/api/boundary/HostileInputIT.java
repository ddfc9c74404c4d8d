package org.internationale.api.boundary;

import jakarta.json.Json;
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

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inputs that once made the server fail: each is answered with a 4xx problem (or a bounded 200), before anything
 * is stored or sent.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {

    private static MailServer mail;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private String admin;

    @BeforeAll
    static void mail() {
        mail = MailServer.shared();
    }

    @BeforeEach
    void client() {
        api = new Api(base);
        admin = api.token("admin", Api.ADMIN_PASSWORD, null);
    }

    private static void assertProblem(int status, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith(Problem.MEDIA_TYPE), reply.contentType());
    }

    @Test
    void tenLongLanguageTagsAreRefusedBeforeAnyMailIsSentOrSubscriberStored() {
        String address = "long-tags-" + UUID.randomUUID() + "@example.org";
        var tags = Json.createArrayBuilder();
        for (int i = 0; i < 10; i++) {
            // well-formed BCP 47: a language and private-use subtags, 60 characters each
            tags.add("en-x-" + String.valueOf((char) ('a' + i)).repeat(8) + "-abcdefgh-abcdefgh-abcdefgh-abcdefgh-abcdefgh-abc");
        }
        Api.Reply reply = api.send("POST", "api/subscriptions", Json.createObjectBuilder().add("email", address)
                .add("languages", tags).build().toString(), null);
        assertProblem(400, reply);
        assertEquals(List.of(), mail.messagesTo(address), "no confirmation mail");
        Api.Reply found = api.send("GET", "api/admin/subscribers?q=" + URLEncoder.encode(address, StandardCharsets.UTF_8), null, admin);
        assertEquals(0, found.json().getJsonNumber("total").intValue(), found.body());
    }

    @Test
    void fourHundredFiftyDistinctHanCharactersAreSearchedNotAFailure() {
        StringBuilder han = new StringBuilder();
        for (int c = 0x4E00; han.length() < 450; c += 3) {
            han.appendCodePoint(c);
        }
        String q = URLEncoder.encode(han.toString(), StandardCharsets.UTF_8);
        Api.Reply search = api.get("api/search?q=" + q);
        assertEquals(200, search.status(), search.body());
        Api.Reply suggest = api.get("api/search/suggest?q=" + q + "&lang=zh-Hans");
        assertTrue(suggest.status() < 500, suggest.status() + " " + suggest.body());
        Api.Reply page = api.get("zh-Hans/search?q=" + q);
        assertEquals(200, page.status(), page.body());
    }

    @Test
    void pagesThatOverflowAnOffsetAreRefused() {
        assertProblem(400, api.send("GET", "api/admin/subscribers?page=2147483647", null, admin));
        assertProblem(400, api.send("GET", "api/admin/subscribers?page=2147483647&size=200", null, admin));
        assertProblem(400, api.send("GET", "api/admin/subscribers?page=-1", null, admin));
        assertProblem(400, api.get("api/documents?page=2147483647"));
        assertProblem(400, api.get("api/search?q=strike&page=2147483647&size=50"));
        assertProblem(400, api.send("GET", "api/admin/audit?limit=2147483647", null, admin));
        assertEquals(200, api.get("en/search?q=strike&page=2147483647").status(), "the reader page shows its last page");
    }

    @Test
    void controlCharactersAreRefusedInBodiesAndParametersAndFeedsStayWellFormed() throws Exception {
        // as JSON escapes: a lone surrogate has no UTF-8 of its own
        for (String hostile : new String[]{"a\\u0000b", "bell\\u0007", "\\uFFFE", "lone \\uD800 surrogate", "\\u001b[31m"}) {
            String body = "{\"type\":\"update\",\"language\":\"en\",\"title\":\"" + hostile + "\",\"summary\":\"\",\"body\":\"text\"}";
            assertProblem(400, api.send("POST", "api/admin/documents", body, admin));
        }
        assertProblem(400, api.get("api/search?q=a%00b"));
        assertProblem(400, api.get("api/documents?demand=%07"));
        // a member name and a value nested in an array are texts too
        assertProblem(400, api.send("POST", "api/subscriptions", "{\"email\":\"x@example.org\",\"languages\":[\"en\\u0000\"]}", null));
        assertProblem(400, api.send("POST", "api/subscriptions", "{\"email\\u0001\":\"x@example.org\"}", null));
        assertProblem(400, api.send("POST", "api/subscriptions", "[".repeat(10_000) + "]".repeat(10_000), null));

        // the forms of the site and the workspace refuse them too
        for (String form : new String[]{"workspace/login", "en/subscribe"}) {
            Api.Reply posted = api.send(api.request(form).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=a%00b&email=x%01%40example.org&password=x")));
            assertProblem(400, posted);
        }

        for (String feed : new String[]{"feeds/en/updates.atom", "feeds/es/statements.atom"}) {
            Api.Reply atom = api.get(feed);
            assertEquals(200, atom.status());
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(atom.body().getBytes(StandardCharsets.UTF_8)));
        }
        Api.Reply xliff = api.send("GET", "api/admin/translations/es/export.xlf", null, admin);
        assertEquals(200, xliff.status(), xliff.body());
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xliff.body().getBytes(StandardCharsets.UTF_8)));
        assertTrue(xliff.body().toLowerCase(Locale.ROOT).contains("xliff"));
    }
}
