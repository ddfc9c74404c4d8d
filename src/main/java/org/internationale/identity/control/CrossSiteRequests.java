package org.internationale.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.internationale.system.control.PublicAddress;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells whether a change carried by a browser's credentials (the session cookie, or Basic credentials the browser
 * remembered) was sent by one of our own pages. A page elsewhere can make a browser post a form or a
 * {@code text/plain} body to us with those credentials attached; browsers mark such requests with
 * {@code Sec-Fetch-Site} and {@code Origin}, which a page cannot forge. A request with neither header is not from a
 * browser of this decade (curl, scripts) and goes ahead.
 *
 * <p>Our origin is that of {@code PUBLIC_BASE_URL} when set (behind a proxy the request's own address is the
 * proxy's view), else the scheme, host and port the request came to.
 */
@ApplicationScoped
public class CrossSiteRequests {

    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @Inject
    PublicAddress publicAddress;

    /** Why this request is refused as cross-site, or empty when it may go ahead. */
    public Optional<String> refusal(HttpServletRequest request) {
        String ours = publicAddress.configured().map(CrossSiteRequests::origin)
                .orElseGet(() -> origin(request.getScheme(), request.getServerName(), request.getServerPort()));
        return refusal(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"), ours);
    }

    static Optional<String> refusal(String fetchSite, String origin, String ours) {
        if (fetchSite != null && !OWN_SITE.contains(fetchSite.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("This change was sent from another site (Sec-Fetch-Site: " + fetchSite.strip()
                    + "); changes made with a browser's login must come from this site's own pages.");
        }
        // our pages that carry a secret in their address (confirmation links) send no referrer, and for them a browser
        // writes the origin of their forms as "null"; its Sec-Fetch-Site, checked above, still says where they came from
        boolean hidden = origin != null && "null".equals(origin.strip()) && fetchSite != null;
        if (origin != null && !hidden && !ours.equals(normalised(origin))) {
            return Optional.of("This change was sent from another origin; changes made with a browser's login must come"
                    + " from this site's own pages.");
        }
        return Optional.empty();
    }

    /** An {@code Origin} header as {@link #origin(URI)} writes it; anything unparsable (including "null") matches nothing. */
    private static String normalised(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            return uri.getScheme() == null || uri.getHost() == null ? "" : origin(uri);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    static String origin(URI uri) {
        return origin(uri.getScheme(), uri.getHost(), uri.getPort());
    }

    /** scheme://host[:port] in lower case, the port left out when it is the scheme's default, as browsers send it. */
    static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || ("http".equals(s) && port == 80) || ("https".equals(s) && port == 443);
        return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
