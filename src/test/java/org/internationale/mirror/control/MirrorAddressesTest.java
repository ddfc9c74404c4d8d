package org.internationale.mirror.control;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MirrorAddressesTest {

    private final MirrorAddresses addresses = new MirrorAddresses(URI.create("http://127.0.0.1:8080/"),
            URI.create("https://example.org/"), Set.of("es", "zh-Hans", "ar"));

    @Test
    void aPageIsAFolderWithItsIndexAndAnAssetKeepsItsName() {
        assertEquals("es/index.html", MirrorAddresses.file("/es/", true));
        assertEquals("es/platform/index.html", MirrorAddresses.file("/es/platform", true));
        assertEquals("es/platform/edition-3/index.html", MirrorAddresses.file("/es/platform?edition=3", true));
        assertEquals("ar/pages/الإضراب/index.html", MirrorAddresses.file("/ar/pages/%D8%A7%D9%84%D8%A5%D8%B6%D8%B1%D8%A7%D8%A8", true));
        assertEquals("feeds/es/updates.atom", MirrorAddresses.file("/feeds/es/updates.atom", false));
    }

    @Test
    void linksBetweenFilesAreRelativePathsThatEncodeWhatAPathCannotHold() {
        assertEquals("../demands/7/index.html", MirrorAddresses.relative("es/platform/index.html", "es/demands/7/index.html"));
        assertEquals("../../assets/site.css", MirrorAddresses.relative("es/platform/index.html", "assets/site.css"));
        assertEquals("index.html", MirrorAddresses.relative("es/index.html", "es/index.html"));
        assertEquals("../zh-Hans/index.html", MirrorAddresses.relative("es/index.html", "zh-Hans/index.html"));
        assertEquals("pages/%D8%A7%20b/index.html", MirrorAddresses.relative("ar/index.html", "ar/pages/ا b/index.html"));
    }

    @Test
    void onlyTheReaderSiteItsAssetsAndFeedsAreCopiedFromEitherAddressOfTheSite() {
        assertEquals(Optional.of("/es/platform"), addresses.copied("/es/", "platform"));
        assertEquals(Optional.of("/es/platform?edition=2"), addresses.copied("/es/", "/es/platform?edition=2"));
        assertEquals(Optional.of("/ar/"), addresses.copied("/es/", "https://example.org/ar/"), "written from PUBLIC_BASE_URL");
        assertEquals(Optional.of("/assets/site.css"), addresses.copied("/es/", "/assets/site.css"));
        assertEquals(Optional.empty(), addresses.copied("/es/", "/es/search?q=huelga"), "a search needs the server");
        assertEquals(Optional.empty(), addresses.copied("/es/", "/workspace/"));
        assertEquals(Optional.empty(), addresses.copied("/es/", "/api/platform?lang=es"));
        assertEquals(Optional.empty(), addresses.copied("/es/", "/subscriptions/preferences?token=x"));
        assertEquals(Optional.empty(), addresses.copied("/es/", "/fr/"), "a language the site does not offer");
        assertEquals(Optional.empty(), addresses.copied("/es/", "https://elsewhere.example/es/"));
        assertEquals(Optional.empty(), addresses.copied("/es/", "/es/%2e%2e/%2e%2e/etc"), "no way out of the folder");
        assertEquals(Optional.empty(), addresses.copied("/es/", "mailto:someone@example.org"));
        assertTrue(addresses.sameSite("/es/", "/es/search?q=x").isPresent(), "not copied, but the site's: linked there");
        assertFalse(addresses.sameSite("/es/", "https://elsewhere.example/").isPresent());
    }
}
