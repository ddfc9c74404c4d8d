package org.internationale.locale.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.internationale.locale.entity.LanguageTag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the language settings ({@code SOURCE_LANGUAGE}, {@code LANGUAGES}, {@code LANGUAGE_FALLBACKS}) and
 * produces the registry. A bad setting stops deployment with a message naming it: a server that silently
 * dropped a language would serve readers the wrong text.
 */
@ApplicationScoped
public class LanguageConfiguration {

    /** The languages the shipped translations cover; operators add more with {@code LANGUAGES}. */
    public static final String DEFAULT_LANGUAGES = "en,es,fr,de,pt-BR,it,ar,fa,hi,bn,ru,uk,tr,zh-Hans,ja,ko,id,sw,"
            + "he,th,ur,pl,zh-Hant,vi,fil,ta,am,ne,ro,ha,my,km";

    @Inject
    @ConfigProperty(name = "SOURCE_LANGUAGE", defaultValue = "en")
    String sourceLanguage;

    @Inject
    @ConfigProperty(name = "LANGUAGES", defaultValue = DEFAULT_LANGUAGES)
    String languages;

    @Inject
    @ConfigProperty(name = "LANGUAGE_FALLBACKS", defaultValue = " ")
    String fallbacks;

    @Produces
    @ApplicationScoped
    LanguageRegistry registry() {
        return parse(sourceLanguage, languages, fallbacks);
    }

    /**
     * @param fallbacks comma-separated {@code tag=fallback|fallback}, e.g. {@code zh-Hant=zh-Hans,ca=es|fr}
     */
    public static LanguageRegistry parse(String source, String languages, String fallbacks) {
        LanguageTag sourceTag = setting("SOURCE_LANGUAGE", source);
        List<LanguageTag> offered = new ArrayList<>();
        for (String part : languages.split(",")) {
            if (!part.isBlank()) {
                offered.add(setting("LANGUAGES", part));
            }
        }
        Map<LanguageTag, List<LanguageTag>> chains = new LinkedHashMap<>();
        for (String rule : fallbacks.split(",")) {
            if (rule.isBlank()) {
                continue;
            }
            String[] sides = rule.split("=", 2);
            if (sides.length != 2 || sides[1].isBlank()) {
                throw new IllegalArgumentException("LANGUAGE_FALLBACKS: '" + rule.trim()
                        + "' is not of the form tag=fallback|fallback");
            }
            List<LanguageTag> targets = Arrays.stream(sides[1].split("\\|"))
                    .filter(s -> !s.isBlank()).map(s -> setting("LANGUAGE_FALLBACKS", s)).toList();
            chains.put(setting("LANGUAGE_FALLBACKS", sides[0]), targets);
        }
        try {
            return new LanguageRegistry(sourceTag, offered, chains);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("LANGUAGE_FALLBACKS: " + e.getMessage(), e);
        }
    }

    private static LanguageTag setting(String name, String value) {
        try {
            return LanguageTag.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
