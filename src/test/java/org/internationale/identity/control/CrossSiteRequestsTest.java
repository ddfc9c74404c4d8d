package org.internationale.identity.control;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrossSiteRequestsTest {

    private static final String OURS = "https://internationale.example";

    @Test
    void ourOwnPagesAndScriptsGoAhead() {
        assertTrue(CrossSiteRequests.refusal(null, null, OURS).isEmpty(), "curl sends neither header");
        assertTrue(CrossSiteRequests.refusal("same-origin", OURS, OURS).isEmpty());
        assertTrue(CrossSiteRequests.refusal("none", null, OURS).isEmpty(), "typed into the address bar");
        assertTrue(CrossSiteRequests.refusal(null, "HTTPS://Internationale.example:443", OURS).isEmpty());
        assertTrue(CrossSiteRequests.refusal("same-origin", "null", OURS).isEmpty(),
                "a form on our own page with Referrer-Policy: no-referrer hides its origin; Sec-Fetch-Site still tells");
    }

    @Test
    void anotherSiteOrOriginIsRefused() {
        assertTrue(CrossSiteRequests.refusal("cross-site", null, OURS).isPresent());
        assertTrue(CrossSiteRequests.refusal("same-site", null, OURS).isPresent(), "a sibling subdomain is not us");
        assertTrue(CrossSiteRequests.refusal(null, "https://evil.example", OURS).isPresent());
        assertTrue(CrossSiteRequests.refusal(null, "http://internationale.example", OURS).isPresent(), "another scheme");
        assertTrue(CrossSiteRequests.refusal(null, "https://internationale.example:8443", OURS).isPresent(), "another port");
        assertTrue(CrossSiteRequests.refusal(null, "null", OURS).isPresent(), "without Sec-Fetch-Site a hidden origin cannot be told");
        assertTrue(CrossSiteRequests.refusal("cross-site", "null", OURS).isPresent(), "a sandboxed frame or a data: page");
        assertTrue(CrossSiteRequests.refusal("same-origin", "https://evil.example", OURS).isPresent());
    }

    @Test
    void originsAreWrittenAsBrowsersSendThem() {
        assertEquals("https://internationale.example", CrossSiteRequests.origin(URI.create("https://internationale.example/base/")));
        assertEquals("http://localhost:8080", CrossSiteRequests.origin("HTTP", "LocalHost", 8080));
        assertEquals("http://localhost", CrossSiteRequests.origin("http", "localhost", 80));
        assertEquals("https://x.example:80", CrossSiteRequests.origin("https", "x.example", 80), "80 is not https's own port");
    }
}
