package org.internationale.system.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address of the client a request comes from, for per-client limits and the audit log. It is the peer of the
 * connection, unless that peer is one of the {@code TRUSTED_PROXIES} (a comma-separated list of addresses and CIDR
 * ranges, e.g. {@code 127.0.0.1/32,10.0.0.0/8,::1}): then {@code X-Forwarded-For} is read from its right end, each
 * trusted proxy skipped, and the first address no trusted proxy vouches for is the client. Anybody can send
 * {@code X-Forwarded-For}; believed from anyone else, it would let one client pose as many and dodge every limit, or pose
 * as someone else and lock them out. Without a trusted proxy in front, everyone behind a proxy shares its limits.
 */
@ApplicationScoped
public class ClientAddress {

    /** Digits and dots, or hex digits and colons (with an optional dotted tail): only these are parsed, never a name. */
    private static final Pattern LITERAL = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    private final List<Range> trusted;

    @Inject
    public ClientAddress(@ConfigProperty(name = "TRUSTED_PROXIES") Optional<String> trustedProxies) {
        this.trusted = trustedProxies.map(ClientAddress::parse).orElse(List.of());
    }

    /** Reads the setting at start-up, so that a mistake in it stops the deployment with its message, not a request. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // constructing this bean parsed TRUSTED_PROXIES
    }

    /** For CDI's proxy. */
    protected ClientAddress() {
        this.trusted = List.of();
    }

    public String of(HttpServletRequest request) {
        Enumeration<String> forwarded = request.getHeaders("X-Forwarded-For");
        return of(request.getRemoteAddr(), forwarded == null ? List.of() : Collections.list(forwarded));
    }

    String of(String peer, List<String> forwardedHeaders) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedHeaders) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            Optional<InetAddress> address = literal(hop);
            if (address.isEmpty()) {
                // garbage in the chain: what lies beyond it cannot be believed; the last proxy that spoke is the client
                return client;
            }
            client = address.get().getHostAddress();
            if (!isTrusted(address.get())) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return !trusted.isEmpty() && literal(address).map(this::isTrusted).orElse(false);
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    static List<Range> parse(String list) {
        List<Range> ranges = new ArrayList<>();
        for (String item : list.split(",")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String host = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress address = literal(host).orElseThrow(() -> new IllegalArgumentException(
                    "TRUSTED_PROXIES: '" + entry + "' is not an IP address or CIDR range"));
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("TRUSTED_PROXIES: '" + entry + "' has no prefix length between 0 and " + bits);
                }
            }
            ranges.add(new Range(address.getAddress(), prefix));
        }
        return List.copyOf(ranges);
    }

    /** An IP literal, parsed without ever asking DNS (a name in a header must not make us look it up). */
    static Optional<InetAddress> literal(String text) {
        String candidate = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (candidate.length() > 45 || !LITERAL.matcher(candidate).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** A network: an address and how many of its leading bits count. IPv4 and IPv6 never match each other. */
    record Range(byte[] network, int prefix) {

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
