package org.internationale.translation.entity;

import org.internationale.locale.entity.LanguageTag;
import org.internationale.text.entity.SegmentKey;

/** CDI event: a reviewer approved a translation revision; publishing and search observe it. */
public record TranslationApproved(SegmentKey key, LanguageTag language, int revision, String reviewer) {
}
