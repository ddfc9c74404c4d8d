package org.internationale.api.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.system.control.PublicAddress;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class HttpHardeningTest {

    /** The headers the filter sets, for a body-less GET, with the public address https or not. */
    private static Map<String, String> headers(boolean https) throws Exception {
        HttpHardening filter = new HttpHardening();
        filter.publicAddress = new PublicAddress() {
            @Override
            public boolean https() {
                return https;
            }
        };
        Map<String, String> set = new HashMap<>();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(HttpHardeningTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) ->
                        method.getName().equals("getContentLengthLong") ? -1L : null);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(HttpHardeningTest.class.getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setHeader")) {
                        set.put((String) args[0], (String) args[1]);
                    }
                    return null;
                });
        filter.doFilter(request, response, (req, res) -> { });
        return set;
    }

    @Test
    void anHttpsPublicAddressTellsBrowsersToUseNothingElse() throws Exception {
        assertEquals("max-age=31536000", headers(true).get("Strict-Transport-Security"));
        assertEquals("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'", headers(true).get("Content-Security-Policy"));
    }

    @Test
    void plainHttpGetsNoHsts() throws Exception {
        assertFalse(headers(false).containsKey("Strict-Transport-Security"), "a header over http would be ignored, or lock out a test server");
    }
}
