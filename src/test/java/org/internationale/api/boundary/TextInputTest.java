package org.internationale.api.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextInputTest {

    @Test
    void nestingCountsArraysAndObjectsButNotBracketsInStrings() {
        assertEquals(0, TextInput.nesting("5"));
        assertEquals(1, TextInput.nesting("{\"a\":\"[[[{{{\"}"));
        assertEquals(1, TextInput.nesting("{\"a\":\"\\\"[[[\"}"), "an escaped quote does not end the string");
        assertEquals(3, TextInput.nesting("[{\"a\":[1]},[]]"));
        assertEquals(20_000, TextInput.nesting("[".repeat(20_000) + "]".repeat(20_000)));
    }
}
