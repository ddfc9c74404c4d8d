package org.internationale.text.entity;

import org.internationale.locale.entity.LanguageTag;

/**
 * The text a reader is served for one segment, with honest provenance: the language it is actually in,
 * whether that is a fallback from the negotiated language, whether it lags its source, whether a reviewer
 * approved it, the pivot language it was translated from when that was not the source, and the language it was
 * converted from when software converted it from the same language's other script ({@code zh-Hans} for a
 * {@code zh-Hant} reader): then {@link #language()} is the reader's and the text counts as not reviewed.
 */
public record LocalizedText(SegmentKey key, String text, LanguageTag language, boolean fallback, boolean outdated,
                            boolean reviewed, LanguageTag translatedFrom, TranslationState state, LanguageTag convertedFrom) {

    /** Text that reads in {@code to}'s script: converted from this one, which no person checked. */
    public LocalizedText convertedTo(LanguageTag to, String converted) {
        return new LocalizedText(key, converted, to, false, outdated, false, translatedFrom, state, language);
    }
}
