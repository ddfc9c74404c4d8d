package org.internationale.platform.entity;

import java.util.List;

/** The whole platform in the negotiated language. {@code requested} is what the reader asked for, if anything. */
public record PlatformView(String requested, String language, String direction, String sourceLanguage,
                           List<SectionView> sections) {
}
