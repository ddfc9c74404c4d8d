package org.internationale.identity.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.internationale.system.control.PublicAddress;

/**
 * The session cookie is {@code Secure} when the public address ({@code PUBLIC_BASE_URL}) is https. The container
 * would mark it only on requests that reached it over TLS, and behind a proxy that ends TLS none does.
 * HttpOnly and SameSite=Strict are set in {@code glassfish-web.xml}.
 */
@WebListener
public class SessionCookie implements ServletContextListener {

    @Inject
    PublicAddress publicAddress;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (publicAddress.https()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
