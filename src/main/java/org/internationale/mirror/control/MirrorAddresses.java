package org.internationale.mirror.control;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which site addresses the mirror copies, and the file each becomes. A page is a folder with an {@code index.html}
 * ({@code /es/platform} → {@code es/platform/index.html}, {@code /es/platform?edition=2} →
 * {@code es/platform/edition-2/index.html}), so that links between pages are relative paths to real files, which
 * {@code file://} needs; stylesheets and feeds keep their names.
 */
public final class MirrorAddresses {

    /** The only query the reader site's own links carry besides a search: the edition of the platform shown. */
    private static final Pattern KEPT_QUERY = Pattern.compile("edition=[0-9]{1,6}");
    private static final Set<String> FILE_AREAS = Set.of("assets", "feeds");
    private static final String HEX = "0123456789ABCDEF";

    private final URI origin;
    private final URI canonical;
    private final Set<String> languages;

    /**
     * @param origin    where the export reads the site (this instance, over loopback)
     * @param canonical the site's public address, which absolute links in pages are made from
     * @param languages the offered language tags: a page address starts with one
     */
    public MirrorAddresses(URI origin, URI canonical, Set<String> languages) {
        this.origin = origin;
        this.canonical = canonical;
        this.languages = Set.copyOf(languages);
    }

    public URI canonical() {
        return canonical;
    }

    /**
     * The site address ({@code /path} or {@code /path?edition=N}) a link in the page at {@code pageAddress} names, when
     * it is one the mirror copies: same site, a language's page, an asset or a feed; never the API, the workspace,
     * the mail-link pages or a search with a query.
     */
    public Optional<String> copied(String pageAddress, String link) {
        return sameSite(pageAddress, link).filter(this::isCopied);
    }

    /** The site address a link in the page at {@code pageAddress} names, copied or not; empty for another site. */
    public Optional<String> sameSite(String pageAddress, String link) {
        if (link == null || link.isBlank() || link.startsWith("#")) {
            return Optional.empty();
        }
        try {
            return siteAddress(origin.resolve(pageAddress).resolve(link.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The address a same-site URI names, whether it was written against this instance or the canonical site. */
    Optional<String> siteAddress(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        String path = target.getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        if (sameAuthority(target, origin)) {
            return Optional.of(withQuery(path, target.getRawQuery()));
        }
        if (sameAuthority(target, canonical)) {
            String prefix = canonical.getRawPath() == null || canonical.getRawPath().isEmpty() ? "/" : canonical.getRawPath();
            if (!prefix.endsWith("/")) {
                prefix += "/";
            }
            if (path.startsWith(prefix)) {
                return Optional.of(withQuery("/" + path.substring(prefix.length()), target.getRawQuery()));
            }
            if ((path + "/").equals(prefix)) {
                return Optional.of(withQuery("/", target.getRawQuery()));
            }
        }
        return Optional.empty();
    }

    private static String withQuery(String path, String query) {
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    private static boolean sameAuthority(URI a, URI b) {
        return a.getHost() != null && b.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Whether the mirror copies this address. */
    public boolean isCopied(String address) {
        int question = address.indexOf('?');
        String path = question < 0 ? address : address.substring(0, question);
        String query = question < 0 ? null : address.substring(question + 1);
        if (query != null && !KEPT_QUERY.matcher(query).matches()) {
            return false;
        }
        String[] segments = path.split("/", -1);
        if (segments.length < 3 || !segments[0].isEmpty()) {
            return false;
        }
        for (int i = 1; i < segments.length; i++) {
            String segment = decode(segments[i]);
            if (segment == null || segment.equals(".") || segment.equals("..") || segment.indexOf('/') >= 0 || segment.indexOf('\\') >= 0
                    || segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || (segment.isEmpty() && i < segments.length - 1)) {
                return false;
            }
        }
        if (FILE_AREAS.contains(segments[1])) {
            return query == null && !segments[segments.length - 1].isEmpty();
        }
        return languages.contains(segments[1]);
    }

    /** The file, relative to the mirror's root and '/'-separated, that holds the copy of {@code address}. */
    public static String file(String address, boolean page) {
        int question = address.indexOf('?');
        String path = question < 0 ? address : address.substring(0, question);
        String query = question < 0 ? null : address.substring(question + 1);
        StringBuilder file = new StringBuilder();
        for (String segment : path.substring(1).split("/", -1)) {
            if (!segment.isEmpty()) {
                if (file.length() > 0) {
                    file.append('/');
                }
                file.append(decode(segment));
            }
        }
        if (!page) {
            return file.toString();
        }
        if (query != null) {
            file.append('/').append(query.replace('=', '-'));
        }
        return (file.length() == 0 ? "" : file + "/") + "index.html";
    }

    /** A relative link from the file {@code from} to the file {@code to}, both relative to the mirror's root. */
    public static String relative(String from, String to) {
        String[] a = from.split("/");
        String[] b = to.split("/");
        int common = 0;
        while (common < a.length - 1 && common < b.length - 1 && a[common].equals(b[common])) {
            common++;
        }
        StringBuilder link = new StringBuilder();
        for (int i = common; i < a.length - 1; i++) {
            link.append("../");
        }
        for (int i = common; i < b.length; i++) {
            link.append(encode(b[i]));
            if (i < b.length - 1) {
                link.append('/');
            }
        }
        return link.toString();
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Percent-encodes what a path segment cannot hold as it is; the file's own name keeps the letters of every script. */
    static String encode(String segment) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
            }
        }
        return encoded.toString();
    }
}
