package org.internationale.identity.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiAuthenticationTest {

    @Test
    void aBrowserAskingForAPageGetsNoBasicChallenge() {
        assertTrue(ApiAuthentication.pageRequest("navigate", "*/*"));
        assertTrue(ApiAuthentication.pageRequest(null,
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"));
        assertTrue(ApiAuthentication.pageRequest("NAVIGATE", null));
    }

    @Test
    void scriptsAndFetchStillGetIt() {
        assertFalse(ApiAuthentication.pageRequest(null, null), "curl");
        assertFalse(ApiAuthentication.pageRequest(null, "*/*"));
        assertFalse(ApiAuthentication.pageRequest("cors", "application/json"));
        assertFalse(ApiAuthentication.pageRequest(null, "application/json, text/html;q=0.5"));
        assertFalse(ApiAuthentication.pageRequest(null, "text/html;q=0"));
    }
}
