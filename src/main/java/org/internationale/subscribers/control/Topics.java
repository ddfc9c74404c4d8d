package org.internationale.subscribers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The topics people can subscribe to ({@code NEWSLETTER_TOPICS}, default {@code news,alerts}); each has an
 * interface text {@code topic.<name>}. Subscribing without naming topics means the first one.
 */
@ApplicationScoped
public class Topics {

    private List<String> known;

    protected Topics() {
        // CDI
    }

    @Inject
    public Topics(@ConfigProperty(name = "NEWSLETTER_TOPICS", defaultValue = "news,alerts") String configured) {
        this.known = Arrays.stream(configured.split(","))
                .map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).distinct().toList();
        for (String topic : known) {
            if (!topic.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                throw new IllegalArgumentException("NEWSLETTER_TOPICS: '" + topic + "' is not a topic name (a-z, 0-9, -; at most 40)");
            }
        }
        if (known.isEmpty()) {
            throw new IllegalArgumentException("NEWSLETTER_TOPICS names no topic");
        }
    }

    public List<String> all() {
        return known;
    }

    /** The topics asked for, checked; none asked for means the first (general) one. */
    public Set<String> parse(Collection<String> asked) {
        Set<String> topics = new LinkedHashSet<>();
        if (asked != null) {
            for (String topic : asked) {
                String name = topic == null ? "" : topic.strip().toLowerCase(Locale.ROOT);
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("'" + (name.length() > 40 ? name.substring(0, 40) + "…" : name)
                            + "' is not a topic; the topics are " + String.join(", ", known) + ".");
                }
                topics.add(name);
            }
        }
        if (topics.isEmpty()) {
            topics.add(known.get(0));
        }
        return topics;
    }
}
