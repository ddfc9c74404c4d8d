package org.internationale.locale.entity;

import com.ibm.icu.util.IllformedLocaleException;
import com.ibm.icu.util.ULocale;

import java.util.Locale;
import java.util.Objects;

/**
 * A well-formed BCP 47 language tag in canonical form ({@code pt-BR}, {@code zh-Hans}).
 * Parsing is strict: ICU's builder rejects what {@link ULocale#forLanguageTag} would silently repair.
 */
public record LanguageTag(String value) implements Comparable<LanguageTag> {

    public LanguageTag {
        Objects.requireNonNull(value, "value");
    }

    public static LanguageTag of(String text) {
        if (text == null || text.isBlank()) {
            throw new IllFormedLanguageTagException(String.valueOf(text), "a language tag must not be empty");
        }
        String trimmed = text.trim();
        if (trimmed.length() > 64) {
            throw new IllFormedLanguageTagException(trimmed.substring(0, 64) + "…", "a language tag is at most 64 characters");
        }
        try {
            ULocale locale = new ULocale.Builder().setLanguageTag(trimmed.replace('_', '-')).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllFormedLanguageTagException(trimmed, "a language tag must start with a language subtag");
            }
            return new LanguageTag(locale.toLanguageTag());
        } catch (IllformedLocaleException e) {
            throw new IllFormedLanguageTagException(trimmed, e.getMessage().toLowerCase(Locale.ROOT));
        }
    }

    public ULocale locale() {
        return ULocale.forLanguageTag(value);
    }

    /** The full likely form ({@code zh} → {@code zh-Hans-CN}), used to tell whether two tags mean one language. */
    public ULocale likely() {
        return ULocale.addLikelySubtags(locale());
    }

    public boolean sameLanguageAs(LanguageTag other) {
        return likely().equals(other.likely());
    }

    @Override
    public int compareTo(LanguageTag other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
