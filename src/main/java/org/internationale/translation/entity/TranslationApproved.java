package org.internationale.translation.entity;

import org.internationale.locale.entity.LanguageTag;
import org.internationale.text.entity.SegmentKey;

/**
 * CDI event: a reviewer approved a translation revision someone wrote; publishing and search observe it, the audit
 * log records both people.
 */
public record TranslationApproved(SegmentKey key, LanguageTag language, int revision, String translator, String reviewer) {
}
