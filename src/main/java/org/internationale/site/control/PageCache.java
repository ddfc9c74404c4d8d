package org.internationale.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.internationale.site.entity.RenderedPage;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reader pages as rendered, by address: a page changes only when someone publishes, approves or revises, so it is
 * rendered once and sent many times. Only what every reader of an address gets is kept (no session, no form token):
 * the shell decides. Bounded by bytes ({@code PAGE_CACHE_MB}, least recently used pages go first).
 * <p>
 * Never stale past a change: every change readers see is a {@link org.internationale.system.entity.ContentChanged}
 * recorded with it; this instance forgets everything once the change committed here, and every instance once its
 * once-a-second look at the change log finds a newer id. A page whose rendering began before a change is not kept
 * when it ends after it (the generation it began in is over).
 */
@ApplicationScoped
public class PageCache {

    private final long maxBytes;
    private final Map<String, RenderedPage> pages = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private long generation;
    private long seenChange = -1;
    private long hits;
    private long misses;

    /** For CDI's client proxy only. */
    protected PageCache() {
        this(0);
    }

    @Inject
    public PageCache(@ConfigProperty(name = "PAGE_CACHE_MB", defaultValue = "64") long megabytes) {
        this.maxBytes = Math.max(0, megabytes) * 1024 * 1024;
    }

    /** What a rendering about to begin belongs to: it may be kept only if nothing changed until it ends. */
    public synchronized long generation() {
        return generation;
    }

    public synchronized Optional<RenderedPage> get(String address) {
        RenderedPage page = pages.get(address);
        if (page == null) {
            misses++;
        } else {
            hits++;
        }
        return Optional.ofNullable(page);
    }

    /**
     * A kept answer at an address that may hold none because nothing there is ever kept (any anonymous API request
     * is looked up before JAX-RS knows which resource answers it): a hit is counted, a miss only by {@link #missed}
     * once a keepable resource is found to answer it.
     */
    public synchronized Optional<RenderedPage> kept(String address) {
        RenderedPage page = pages.get(address);
        if (page != null) {
            hits++;
        }
        return Optional.ofNullable(page);
    }

    /** A keepable answer was not kept: it is rendered now. */
    public synchronized void missed() {
        misses++;
    }

    /** Keeps a page rendered in {@code renderedIn}, unless a change came since or it alone is larger than the cache. */
    public synchronized void keep(String address, long renderedIn, RenderedPage page) {
        if (renderedIn != generation || page.body().length > maxBytes) {
            return;
        }
        RenderedPage before = pages.put(address, page);
        bytes += page.body().length - (before == null ? 0 : before.body().length);
        for (Iterator<RenderedPage> oldest = pages.values().iterator(); bytes > maxBytes && oldest.hasNext(); ) {
            bytes -= oldest.next().body().length;
            oldest.remove();
        }
    }

    /** Something readers see changed: no page rendered before is served again. */
    public synchronized void forget() {
        generation++;
        pages.clear();
        bytes = 0;
    }

    /** The change log's newest id: a different one than last seen means a change this instance may not know of. */
    public synchronized void follow(long latestChange) {
        if (latestChange != seenChange) {
            seenChange = latestChange;
            forget();
        }
    }

    public synchronized Usage usage() {
        return new Usage(pages.size(), bytes, maxBytes, hits, misses);
    }

    /** How full the cache is and how often it answered. */
    public record Usage(int pages, long bytes, long maxBytes, long hits, long misses) {
    }
}
