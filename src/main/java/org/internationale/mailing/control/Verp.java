package org.internationale.mailing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.internationale.system.control.SharedSecrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Addresses that carry who a message was for (VERP): each message's return path is
 * {@code bounces+d<delivery>-<tag>@domain}, so a bounce names the delivery it is about even when the report itself
 * is unreadable; the mailto unsubscribe address is {@code bounces+u<subscriber>-<tag>@domain}. The tag is a MAC, so
 * nobody can unsubscribe someone else or fake bounces by guessing numbers.
 */
@ApplicationScoped
public class Verp {

    private static final Pattern TAGGED = Pattern.compile("\\+([du])(\\d{1,18})-([0-9a-f]{12})@", Pattern.CASE_INSENSITIVE);

    @Inject
    MailSettings settings;

    @Inject
    SharedSecrets secrets;

    public String returnPath(long deliveryId) {
        return tagged("d", deliveryId);
    }

    public String unsubscribeAddress(long subscriberId) {
        return tagged("u", subscriberId);
    }

    /** The delivery a bounce address names, if its tag is genuine. */
    public Optional<Long> delivery(String address) {
        return parse(address, "d");
    }

    /** The subscriber a mailto unsubscribe address names, if its tag is genuine. */
    public Optional<Long> unsubscriber(String address) {
        return parse(address, "u");
    }

    private Optional<Long> parse(String address, String kind) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher matcher = TAGGED.matcher(address);
        while (matcher.find()) {
            if (!matcher.group(1).toLowerCase(Locale.ROOT).equals(kind)) {
                continue;
            }
            long id = Long.parseLong(matcher.group(2));
            if (MessageDigest.isEqual(tag(kind, id).getBytes(StandardCharsets.US_ASCII),
                    matcher.group(3).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private String tagged(String kind, long id) {
        String bounce = settings.bounceAddress().getAddress();
        int at = bounce.lastIndexOf('@');
        return bounce.substring(0, at) + "+" + kind + id + "-" + tag(kind, id) + bounce.substring(at);
    }

    private String tag(String kind, long id) {
        return HexFormat.of().formatHex(Arrays.copyOf(secrets.hmac("verp", (kind + id).getBytes(StandardCharsets.US_ASCII)), 6));
    }
}
