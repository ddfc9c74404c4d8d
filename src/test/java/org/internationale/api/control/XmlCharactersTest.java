package org.internationale.api.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class XmlCharactersTest {

    @Test
    void controlsNoncharactersAndLoneSurrogatesAreFoundAndReplaced() {
        assertEquals(-1, XmlCharacters.firstForbidden("tab\tline\ncr\r, emoji \uD83D\uDE00, Arabic إضراب"));
        assertEquals(1, XmlCharacters.firstForbidden("a\u0000"));
        assertEquals(1, XmlCharacters.firstForbidden("a\u001Fb"));
        assertEquals(0, XmlCharacters.firstForbidden("\uFFFE"));
        assertEquals(2, XmlCharacters.firstForbidden("ab\uFFFF"));
        assertEquals(1, XmlCharacters.firstForbidden("a\uD800b"), "a high surrogate without its low half");
        assertEquals(1, XmlCharacters.firstForbidden("a\uDC00"), "a low surrogate alone");
        assertEquals(0, XmlCharacters.firstForbidden("\uD800"), "a high surrogate at the end");
        assertEquals("a\uFFFDb\uFFFD\uFFFDc\uD83D\uDE00\uFFFD",
                XmlCharacters.replaceForbidden("a\u0001b\uFFFF\uDC00c\uD83D\uDE00\uD83D"));
        String clean = "nothing to do";
        assertSame(clean, XmlCharacters.replaceForbidden(clean));
    }
}
