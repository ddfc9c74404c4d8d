package org.internationale.locale.control;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;
import org.internationale.locale.entity.LanguageTag;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One language written in two scripts, converted by ICU4J's transforms: Simplified to Traditional Chinese and back
 * ({@code Hans-Hant}, {@code Hant-Hans}), Serbian Cyrillic to Latin ({@code Serbian-Latin/BGN}). A reader of one
 * script gets the other's text converted rather than a text in another language. Only conversions ICU ships: Serbian
 * Latin to Cyrillic is not one (Latin digraphs such as "nj" are ambiguous, and Latin text holds addresses and markup
 * that a letter-by-letter transform would change), so a Cyrillic reader of a Latin-only text gets the next language of
 * the chain instead. The transforms leave Latin letters, digits and punctuation as they are, so Markdown and links
 * come through.
 */
public final class ScriptConversion {

    /** (language, from script, to script) → ICU transform id */
    private static final Map<String, String> TRANSFORMS = Map.of(
            "zh/Hans/Hant", "Hans-Hant",
            "zh/Hant/Hans", "Hant-Hans",
            "sr/Cyrl/Latn", "Serbian-Latin/BGN");

    /** Compiling a transform's rules takes milliseconds; each is compiled once. */
    private static final Map<String, Transliterator> COMPILED = new ConcurrentHashMap<>();

    private final LanguageTag from;
    private final LanguageTag to;
    private final Transliterator transform;

    private ScriptConversion(LanguageTag from, LanguageTag to, Transliterator transform) {
        this.from = from;
        this.to = to;
        this.transform = transform;
    }

    /** The conversion of text written in {@code from} for readers of {@code to}, when they are one language in two scripts ICU converts. */
    public static Optional<ScriptConversion> between(LanguageTag from, LanguageTag to) {
        ULocale a = from.likely();
        ULocale b = to.likely();
        if (!a.getLanguage().equals(b.getLanguage()) || a.getScript().equals(b.getScript())) {
            return Optional.empty();
        }
        String id = TRANSFORMS.get(a.getLanguage() + "/" + a.getScript() + "/" + b.getScript());
        return id == null ? Optional.empty()
                : Optional.of(new ScriptConversion(from, to, COMPILED.computeIfAbsent(id, Transliterator::getInstance)));
    }

    public LanguageTag from() {
        return from;
    }

    public LanguageTag to() {
        return to;
    }

    /** ICU's transliterators keep state while they work: one text at a time per instance. */
    public String convert(String text) {
        synchronized (transform) {
            return transform.transliterate(text);
        }
    }
}
