package org.internationale.text.entity;

import org.internationale.locale.entity.LanguageTag;

/**
 * The text a reader is served for one segment, with honest provenance: the language it is actually in,
 * whether that is a fallback from the negotiated language, whether it lags its source, whether a reviewer
 * approved it, and the pivot language it was translated from when that was not the source.
 */
public record LocalizedText(SegmentKey key, String text, LanguageTag language, boolean fallback, boolean outdated,
                            boolean reviewed, LanguageTag translatedFrom, TranslationState state) {
}
