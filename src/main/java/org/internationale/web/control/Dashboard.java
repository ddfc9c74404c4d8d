package org.internationale.web.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.internationale.identity.entity.Caller;
import org.internationale.identity.entity.Role;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.translation.control.TranslationProgress;
import org.internationale.translation.entity.Progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the workspace's first page shows a caller: the progress of the languages they translate or review. */
@ApplicationScoped
public class Dashboard {

    @Inject
    LanguageRegistry languages;

    @Inject
    TranslationProgress progress;

    /** Progress per language the caller is granted, in tag order; editors without a grant see none. */
    public Map<String, Progress> progressOf(Caller caller) {
        Map<String, Progress> progressByLanguage = new LinkedHashMap<>();
        if (caller.has(Role.TRANSLATOR) || caller.has(Role.REVIEWER)) {
            caller.languages().stream().sorted().map(LanguageTag::of).filter(languages::offers)
                    .filter(l -> !l.equals(languages.source()))
                    .forEach(l -> progressByLanguage.put(l.value(), progress.of(l)));
        }
        return progressByLanguage;
    }

    /** Every language texts are translated into: the offered ones but the source. */
    public List<String> translatedLanguages() {
        return languages.languages().stream().map(l -> l.tag().value()).filter(t -> !t.equals(languages.source().value())).toList();
    }
}
