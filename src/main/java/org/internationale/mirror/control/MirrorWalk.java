package org.internationale.mirror.control;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the site as a reader would: from the start addresses, every same-site link the mirror copies, once each.
 * Addresses that do not answer 200 are not copied; links to them lead to the site itself.
 */
final class MirrorWalk {

    /** A response body and its media type. */
    record Fetched(String contentType, byte[] body) {
        boolean html() {
            return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html");
        }
    }

    private MirrorWalk() {
    }

    /**
     * @param limit most addresses read: a site that links to ever new addresses (a bug) must not fill the disk
     */
    static Map<String, Fetched> walk(MirrorAddresses addresses, List<String> starts, Function<String, Optional<Fetched>> fetch, int limit) {
        Map<String, Fetched> found = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>(starts);
        Deque<String> queue = new ArrayDeque<>(starts);
        while (!queue.isEmpty()) {
            String address = queue.poll();
            Optional<Fetched> fetched = fetch.apply(address);
            if (fetched.isEmpty()) {
                continue;
            }
            found.put(address, fetched.get());
            if (found.size() >= limit) {
                throw new IllegalStateException("the site has more than " + limit + " addresses to copy; the mirror stops rather than fill the disk");
            }
            if (!fetched.get().html()) {
                continue;
            }
            for (String link : links(Jsoup.parse(new String(fetched.get().body(), StandardCharsets.UTF_8), ""))) {
                addresses.copied(address, link).filter(seen::add).ifPresent(queue::add);
            }
        }
        return found;
    }

    /** The links a reader's browser would follow or load: not the canonical and hreflang links, which name the site. */
    static List<String> links(Document page) {
        List<String> links = new java.util.ArrayList<>();
        for (Element a : page.select("a[href], link[href], script[src], img[src]")) {
            if (a.tagName().equals("link") && !followed(a)) {
                continue;
            }
            links.add(a.hasAttr("href") ? a.attr("href") : a.attr("src"));
        }
        return links;
    }

    /** A {@code link} element the mirror copies the target of: stylesheets and feeds. */
    static boolean followed(Element link) {
        String rel = link.attr("rel").toLowerCase(Locale.ROOT);
        return rel.contains("stylesheet") || (rel.contains("alternate") && !link.hasAttr("hreflang") && link.hasAttr("type"));
    }
}
