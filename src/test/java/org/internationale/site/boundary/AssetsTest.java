package org.internationale.site.boundary;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AssetsTest {

    /** Assets over a fixed set of one file, without a servlet context. */
    private static final class OneFile extends Assets {
        int reads;

        @Override
        byte[] read(String name) {
            reads++;
            return name.equals("site.css") ? "body{}".getBytes(StandardCharsets.UTF_8) : new byte[0];
        }
    }

    @Test
    void namesThatFindNoFileAreNotKeptSoRequestsCannotFillTheMemory() {
        OneFile assets = new OneFile();
        for (int i = 0; i < 10_000; i++) {
            assertEquals(0, assets.body("missing-" + i + ".css").length);
        }
        assertEquals(0, assets.kept());
        assertEquals(6, assets.body("site.css").length);
        assertEquals(6, assets.body("site.css").length);
        assertEquals(1, assets.kept());
        assertEquals(10_001, assets.reads, "a file that exists is read once");
    }
}
