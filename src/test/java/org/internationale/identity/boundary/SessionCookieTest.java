package org.internationale.identity.boundary;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.SessionCookieConfig;
import org.internationale.system.control.PublicAddress;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The session cookie is marked Secure exactly when the public address is https, whatever the request came over. */
class SessionCookieTest {

    /** What the listener told the container's cookie configuration, for a public address that is https or not. */
    private static List<Boolean> secureCalls(boolean https) {
        SessionCookie listener = new SessionCookie();
        listener.publicAddress = new PublicAddress() {
            @Override
            public boolean https() {
                return https;
            }
        };
        List<Boolean> calls = new ArrayList<>();
        SessionCookieConfig cookie = (SessionCookieConfig) Proxy.newProxyInstance(SessionCookieTest.class.getClassLoader(),
                new Class<?>[]{SessionCookieConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setSecure")) {
                        calls.add((Boolean) args[0]);
                    }
                    return null;
                });
        ServletContext context = (ServletContext) Proxy.newProxyInstance(SessionCookieTest.class.getClassLoader(),
                new Class<?>[]{ServletContext.class}, (proxy, method, args) ->
                        method.getName().equals("getSessionCookieConfig") ? cookie : null);
        listener.contextInitialized(new ServletContextEvent(context));
        return calls;
    }

    @Test
    void anHttpsPublicAddressMakesTheSessionCookieSecure() {
        assertEquals(List.of(true), secureCalls(true));
    }

    @Test
    void overPlainHttpTheContainerDecides() {
        assertEquals(List.of(), secureCalls(false), "a Secure cookie would never come back over http");
    }
}
