package org.internationale.site.control;

import org.internationale.site.entity.RenderedPage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PageCacheTest {

    private static RenderedPage page(String text, int bytes) {
        byte[] body = (text + "x".repeat(Math.max(0, bytes - text.length()))).getBytes(StandardCharsets.UTF_8);
        return new RenderedPage(body, "\"" + text + "\"", "es");
    }

    @Test
    void aKeptPageIsServedAgainByteForByte() {
        PageCache cache = new PageCache(1);
        RenderedPage platform = page("plataforma", 100);
        cache.keep("/es/platform", cache.generation(), platform);
        assertArrayEquals(platform.body(), cache.get("/es/platform").orElseThrow().body());
        assertEquals(Optional.empty(), cache.get("/fr/platform"), "another language is another address");
        assertEquals(new PageCache.Usage(1, 100, 1024 * 1024, 1, 1), cache.usage());
    }

    @Test
    void anAddressWhereNothingIsKeptCountsNoMissUntilAKeepableAnswerIsRendered() {
        PageCache cache = new PageCache(1);
        cache.keep("json /api/platform?lang=es ", cache.generation(), page("plataforma", 100));
        assertEquals(Optional.empty(), cache.kept("json /api/subscriptions/topics? "));
        assertEquals(0, cache.usage().misses(), "an answer never kept is no miss");
        assertEquals("\"plataforma\"", cache.kept("json /api/platform?lang=es ").orElseThrow().etag());
        cache.missed();
        assertEquals(new PageCache.Usage(1, 100, 1024 * 1024, 1, 1), cache.usage());
    }

    @Test
    void aPageRenderedBeforeAChangeIsNotKeptWhenItEndsAfterIt() {
        PageCache cache = new PageCache(1);
        long began = cache.generation();
        cache.forget();
        cache.keep("/es/", began, page("antes", 10));
        assertEquals(Optional.empty(), cache.get("/es/"));
        cache.keep("/es/", cache.generation(), page("después", 10));
        assertEquals("\"después\"", cache.get("/es/").orElseThrow().etag());
    }

    @Test
    void aNewerChangeInTheLogForgetsEveryPageAndTheSameIdForgetsNothing() {
        PageCache cache = new PageCache(1);
        cache.follow(41);
        cache.keep("/es/", cache.generation(), page("inicio", 10));
        cache.follow(41);
        assertEquals(1, cache.usage().pages(), "the log did not move");
        cache.follow(42);
        assertEquals(0, cache.usage().pages(), "another instance changed something");
        assertEquals(0, cache.usage().bytes());
    }

    @Test
    void theLeastRecentlyReadPagesGoFirstWhenTheBytesRunOut() {
        PageCache cache = new PageCache(1);
        int third = 400 * 1024;
        cache.keep("/es/a", cache.generation(), page("a", third));
        cache.keep("/es/b", cache.generation(), page("b", third));
        cache.get("/es/a");
        cache.keep("/es/c", cache.generation(), page("c", third));
        assertEquals(Optional.empty(), cache.get("/es/b"), "b was read least recently");
        assertEquals(2, cache.usage().pages());
        assertEquals(2L * third, cache.usage().bytes());
        cache.keep("/es/huge", cache.generation(), page("huge", 2 * 1024 * 1024));
        assertEquals(Optional.empty(), cache.get("/es/huge"), "a page larger than the whole cache is not kept");
        assertEquals(2, cache.usage().pages());
    }

    @Test
    void aCacheOfNoBytesKeepsNothing() {
        PageCache cache = new PageCache(0);
        cache.keep("/es/", cache.generation(), page("inicio", 10));
        assertEquals(0, cache.usage().pages());
    }
}
