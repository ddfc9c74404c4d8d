package org.internationale.subscribers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.internationale.system.control.SharedSecrets;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * Links that act for one subscriber without a login — the preference page and one-click unsubscribe — signed with a
 * key all instances share. They do not expire: an unsubscribe link in a two-year-old newsletter must still work
 * (RFC 8058), and erasing the subscriber is what ends them.
 */
@ApplicationScoped
public class SubscriberLinks {

    public enum Purpose {
        PREFERENCES, UNSUBSCRIBE
    }

    static final String SECRET = "subscriber-links";

    @Inject
    SharedSecrets secrets;

    public String signature(Purpose purpose, long subscriberId) {
        byte[] mac = mac(purpose.name() + ":" + subscriberId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 18));
    }

    public boolean verify(Purpose purpose, long subscriberId, String signature) {
        if (signature == null || signature.length() > 64) {
            return false;
        }
        return MessageDigest.isEqual(signature(purpose, subscriberId).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    public URI preferences(URI base, long subscriberId) {
        return link(base, "subscriptions/preferences", Purpose.PREFERENCES, subscriberId);
    }

    public URI unsubscribe(URI base, long subscriberId) {
        return link(base, "subscriptions/unsubscribe", Purpose.UNSUBSCRIBE, subscriberId);
    }

    private URI link(URI base, String path, Purpose purpose, long subscriberId) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return URI.create(root + path + "?s=" + subscriberId + "&t=" + signature(purpose, subscriberId));
    }

    private byte[] mac(String message) {
        return secrets.hmac(SECRET, message.getBytes(StandardCharsets.UTF_8));
    }
}
