package org.internationale.site.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityTagsTest {

    @Test
    void sameBytesSameTagAndAnyChangeAnother() {
        String page = "<html lang=\"sw\">Kiswahili</html>";
        // in quotes, the first 18 bytes of the page's SHA-256 in unpadded base64url, worked out with sha256sum and base64
        assertEquals("\"uZ8qT6s4MJ4_pzQ0-TOQmoT_\"", EntityTags.of(page));
        assertEquals("\"uZ8qT6s4MJ4_pzQ0-TOQmoT_\"", EntityTags.of(page.getBytes(StandardCharsets.UTF_8)), "a page's tag is its UTF-8 bytes' tag");
        assertEquals("\"0quSXhIlp5z9OMB5ObjsUJsp\"", EntityTags.of("<html lang=\"en\">Kiswahili</html>"));
    }

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsListsAndStar() {
        String tag = EntityTags.of("page");
        assertTrue(EntityTags.matches(tag, tag));
        assertTrue(EntityTags.matches("W/" + tag, tag), "weak comparison, as RFC 9110 asks for If-None-Match");
        assertTrue(EntityTags.matches("\"other\", " + tag, tag));
        assertTrue(EntityTags.matches("*", tag));
        assertFalse(EntityTags.matches("\"other\"", tag));
        assertFalse(EntityTags.matches(null, tag));
        assertFalse(EntityTags.matches(" ", tag));
    }
}
