package org.internationale.site.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityTagsTest {

    @Test
    void sameBytesSameTagAndAnyChangeAnother() {
        String page = "<html lang=\"sw\">Kiswahili</html>";
        assertEquals(EntityTags.of(page), EntityTags.of(page));
        assertNotEquals(EntityTags.of(page), EntityTags.of(page.replace("sw", "en")));
        assertTrue(EntityTags.of(page).matches("\"[A-Za-z0-9_-]{24}\""), EntityTags.of(page));
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
