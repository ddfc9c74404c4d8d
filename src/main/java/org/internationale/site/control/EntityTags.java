package org.internationale.site.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Strong entity tags for rendered pages: a hash of exactly the bytes sent, so a page changes its tag when anything in
 * it changes (a new translation, a status, the interface text) and nothing has to track what a page depends on.
 */
public final class EntityTags {

    private EntityTags() {
    }

    public static String of(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String of(String body) {
        return of(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether an {@code If-None-Match} header matches {@code etag} (RFC 9110 §13.1.2: weak comparison, a list of tags
     * or {@code *}).
     */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        String wanted = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            if (opaque(candidate.strip()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
