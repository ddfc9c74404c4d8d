package org.internationale.platform.entity;

import java.util.List;

/** The whole platform in the negotiated language. {@code requested} is what the reader asked for, if anything. */
public record PlatformView(String requested, String language, String direction, String sourceLanguage,
                           List<SectionView> sections) {

    /**
     * Whether any text in the reader's language awaits review: the page says so once, at its top, rather than above
     * each of its seventy texts.
     */
    public boolean anyUnreviewed() {
        return sections.stream().anyMatch(s -> s.anyUnreviewed(language));
    }
}
