package org.internationale.text.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.internationale.locale.control.ScriptConversion;
import org.internationale.locale.entity.FallbackChain;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.text.entity.LocalizedText;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.Translation;
import org.internationale.text.entity.TranslationRevision;
import org.internationale.text.entity.TranslationState;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one rule for which text a reader gets: walk the fallback chain and serve the first language that has
 * servable text — the segment's own source, or a translation that is approved (or unreviewed, where the
 * language's setting allows it). When the chain runs out, the segment's source is served, so a statement
 * written in Spanish reaches an English reader even before it is translated. While a new draft waits for review,
 * readers keep getting the last approved revision.
 */
@ApplicationScoped
public class TextLocalizer {

    /** Every language: the shipped translations await a fluent reviewer, and readers should have them meanwhile. */
    public static final String EVERY_LANGUAGE = "*";
    public static final String NO_LANGUAGE = "none";

    private Set<LanguageTag> unreviewedServed = Set.of();
    private boolean everyLanguageUnreviewed;

    protected TextLocalizer() {
        // CDI
    }

    /**
     * @param unreviewedLanguages {@code *} (the default: every language), {@code none}, or the languages by tag
     */
    @Inject
    public TextLocalizer(@ConfigProperty(name = "SERVE_UNREVIEWED", defaultValue = EVERY_LANGUAGE) String unreviewedLanguages) {
        String setting = unreviewedLanguages.strip();
        this.everyLanguageUnreviewed = setting.equals(EVERY_LANGUAGE);
        this.unreviewedServed = everyLanguageUnreviewed || setting.equalsIgnoreCase(NO_LANGUAGE) ? Set.of()
                : Arrays.stream(setting.split(",")).filter(s -> !s.isBlank()).map(s -> LanguageTag.of(s.strip()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param translations the segment's translations, by language; languages outside the chain are ignored
     */
    public LocalizedText localize(Segment segment, Map<LanguageTag, Translation> translations, FallbackChain chain) {
        LanguageTag wanted = chain.first();
        for (LanguageTag language : chain.languages()) {
            if (language.equals(segment.sourceLanguage())) {
                return converted(source(segment, wanted), wanted);
            }
            Optional<TranslationRevision> served = servable(translations.get(language));
            if (served.isPresent()) {
                TranslationRevision revision = served.get();
                TranslationState state = segment.stateOf(revision);
                boolean reviewed = translations.get(language).approved().filter(a -> a.number() == revision.number()).isPresent();
                return converted(new LocalizedText(segment.key(), revision.text(), language, !language.equals(wanted),
                        state == TranslationState.OUTDATED, reviewed, revision.translatedFrom().orElse(null), state, null), wanted);
            }
        }
        return converted(source(segment, wanted), wanted);
    }

    /** Text found in the other script of the reader's language reaches them converted, and says so. */
    private static LocalizedText converted(LocalizedText found, LanguageTag wanted) {
        if (!found.fallback()) {
            return found;
        }
        return ScriptConversion.between(found.language(), wanted)
                .map(conversion -> found.convertedTo(wanted, conversion.convert(found.text())))
                .orElse(found);
    }

    /**
     * The approved revision; or, where none is and the language allows unreviewed text, the latest. A reviewer's
     * approval always decides: a newer draft never replaces approved text for readers.
     */
    private Optional<TranslationRevision> servable(Translation translation) {
        if (translation == null || translation.revisions().isEmpty()) {
            return Optional.empty();
        }
        Optional<TranslationRevision> approved = translation.approved();
        if (approved.isPresent() || !(everyLanguageUnreviewed || unreviewedServed.contains(translation.language()))) {
            return approved;
        }
        return Optional.of(translation.latest());
    }

    private static LocalizedText source(Segment segment, LanguageTag wanted) {
        LanguageTag language = segment.sourceLanguage();
        return new LocalizedText(segment.key(), segment.latest().text(), language, !language.equals(wanted),
                false, true, null, TranslationState.CURRENT, null);
    }
}
