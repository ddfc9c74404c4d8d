package org.internationale.site.control;

import com.ibm.icu.text.MessageFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.system.control.SeedFiles;
import org.internationale.text.control.PoReader;
import org.internationale.text.entity.PoCatalog;
import org.internationale.text.entity.PoEntry;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The interface's own words ({@code translations/<lang>/ui.po}, ICU MessageFormat), formatted for a language with
 * its plural rules, dates and numbers; a key a language lacks comes from the next language of its fallback chain.
 */
@ApplicationScoped
public class UiStrings {

    @Inject
    LanguageRegistry languages;

    private final Map<String, Map<String, String>> catalogs = new ConcurrentHashMap<>();

    /**
     * Each thread's parsed patterns: parsing one per call was a visible share of composing every campaign message
     * (three texts in each footer). ICU's MessageFormat is not safe to share between threads, hence per thread.
     */
    private final ThreadLocal<Map<String, MessageFormat>> formats = ThreadLocal.withInitial(HashMap::new);

    public String text(String key, LanguageTag language, Object... namedArguments) {
        Map<String, Object> arguments = new HashMap<>();
        for (int i = 0; i + 1 < namedArguments.length; i += 2) {
            arguments.put((String) namedArguments[i], namedArguments[i + 1]);
        }
        for (LanguageTag candidate : languages.chain(language).languages()) {
            String pattern = catalog(candidate).get(key);
            if (pattern != null) {
                return formats.get().computeIfAbsent(candidate.value() + '\u0000' + key, k -> new MessageFormat(pattern, candidate.locale()))
                        .format(arguments);
            }
        }
        throw new IllegalArgumentException("no interface text has the key " + key);
    }

    private Map<String, String> catalog(LanguageTag language) {
        return catalogs.computeIfAbsent(language.value(), tag -> {
            boolean source = language.equals(languages.source());
            String file = source ? "ui.pot" : tag + "/ui.po";
            Map<String, String> texts = new HashMap<>();
            String content = SeedFiles.read(getClass().getClassLoader(), "translations", source ? "ui.pot" : "ui.po").get(file);
            if (content != null) {
                PoCatalog catalog = PoReader.read(content);
                for (PoEntry entry : catalog.entries()) {
                    if (source) {
                        texts.put(entry.context(), entry.id());
                    } else if (entry.translated() && !entry.fuzzy()) {
                        texts.put(entry.context(), entry.translation());
                    }
                }
            }
            return texts;
        });
    }
}
