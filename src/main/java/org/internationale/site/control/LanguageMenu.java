package org.internationale.site.control;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import org.internationale.locale.entity.Language;
import org.internationale.site.entity.LanguageChoice;

import java.util.Comparator;
import java.util.List;

/**
 * The language switcher: every offered language under its own name, ordered by the ICU collator of the language the
 * page is in, so a reader finds the list in the order their own language sorts (in Arabic, Arabic-script names first).
 */
public final class LanguageMenu {

    private LanguageMenu() {
    }

    /** @param path the page's address after the language, e.g. {@code /platform}; the same page in every language */
    public static List<LanguageChoice> of(List<Language> offered, ULocale pageLocale, String current, String path) {
        Collator collator = Collator.getInstance(pageLocale);
        collator.setStrength(Collator.SECONDARY);
        return offered.stream()
                .sorted(Comparator.comparing(Language::nativeName, collator::compare))
                .map(l -> new LanguageChoice(l.tag().value(), l.nativeName(), l.direction().attribute(),
                        "/" + l.tag().value() + path, l.tag().value().equals(current)))
                .toList();
    }
}
