package org.internationale.system.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The site's public address, from which every absolute link we write is made: in mail (signed with our DKIM key,
 * with links that act for a subscriber), feeds, canonical and hreflang links. It is {@code PUBLIC_BASE_URL} when set;
 * otherwise {@code http://localhost:<port>/}, the port being the one the request arrived on at this server's own
 * socket. It is never taken from the request's {@code Host} or {@code X-Forwarded-*} headers: anyone can send those,
 * and a confirmation mail linking to their host would hand them the subscriber's preferences and erasure. Behind a
 * reverse proxy, {@code PUBLIC_BASE_URL} must be set. Always ends with a slash, so that relative paths resolve under it.
 */
@ApplicationScoped
public class PublicAddress {

    private static final Logger LOG = Logger.getLogger(PublicAddress.class.getName());

    @Inject
    @ConfigProperty(name = "PUBLIC_BASE_URL")
    Optional<String> configured;

    private final AtomicBoolean toldDefault = new AtomicBoolean();

    /** The public address for links written while serving {@code request} (its socket's port, when none is configured). */
    public URI base(HttpServletRequest request) {
        return configured().orElseGet(() -> {
            URI local = URI.create("http://localhost:" + request.getLocalPort() + request.getContextPath() + "/");
            if (toldDefault.compareAndSet(false, true)) {
                LOG.info(() -> "PUBLIC_BASE_URL is not set: links in mail, feeds and pages point to " + local
                        + ". Set it to the address readers use (required behind a reverse proxy).");
            }
            return local;
        });
    }

    /** The same address without a trailing slash, for joining with paths that start with one. */
    public String origin(HttpServletRequest request) {
        String base = base(request).toString();
        return base.substring(0, base.length() - 1);
    }

    /** Whether the public address is https: then browsers get HSTS and the session cookie is Secure. */
    public boolean https() {
        return configured().filter(uri -> "https".equalsIgnoreCase(uri.getScheme())).isPresent();
    }

    public Optional<URI> configured() {
        return configured.map(String::strip).filter(b -> !b.isEmpty()).map(b -> URI.create(b.endsWith("/") ? b : b + "/"));
    }
}
