package org.internationale.system.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * The address links in mail point to: {@code PUBLIC_BASE_URL} when set (behind a proxy it must be), else the address
 * the request came to. Always ends with a slash, so that relative paths resolve under it.
 */
@ApplicationScoped
public class PublicAddress {

    @Inject
    @ConfigProperty(name = "PUBLIC_BASE_URL")
    Optional<String> configured;

    public URI base(UriInfo request) {
        String base = configured.filter(b -> !b.isBlank()).orElseGet(() -> {
            // the JAX-RS base is .../api/; the site's root is one up
            URI api = request.getBaseUri();
            return api.resolve("..").toString();
        });
        return URI.create(base.endsWith("/") ? base : base + "/");
    }

    public URI base(HttpServletRequest request) {
        String base = configured.filter(b -> !b.isBlank()).orElseGet(() -> {
            String url = request.getRequestURL().toString();
            String path = request.getRequestURI();
            return url.substring(0, url.length() - path.length()) + request.getContextPath() + "/";
        });
        return URI.create(base.endsWith("/") ? base : base + "/");
    }

    /** Whether the public address is https: then browsers get HSTS and the session cookie is Secure. */
    public boolean https() {
        return configured().filter(uri -> "https".equalsIgnoreCase(uri.getScheme())).isPresent();
    }

    public Optional<URI> configured() {
        return configured.filter(b -> !b.isBlank()).map(b -> URI.create(b.endsWith("/") ? b : b + "/"));
    }
}
