package org.internationale.locale.control;

import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import org.internationale.locale.entity.Direction;
import org.internationale.locale.entity.FallbackChain;
import org.internationale.locale.entity.Language;
import org.internationale.locale.entity.LanguageTag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The languages the movement offers and their fallback chains. Built once from configuration
 * ({@link LanguageConfiguration}); immutable afterwards.
 */
public class LanguageRegistry {

    private final LanguageTag source;
    private final Map<LanguageTag, Language> offered;
    private final Map<LanguageTag, List<LanguageTag>> configuredFallbacks;

    protected LanguageRegistry() {
        // for CDI's client proxy only
        this.source = null;
        this.offered = Map.of();
        this.configuredFallbacks = Map.of();
    }

    public LanguageRegistry(LanguageTag source, List<LanguageTag> offeredTags, Map<LanguageTag, List<LanguageTag>> fallbacks) {
        this.source = source;
        Map<LanguageTag, Language> languages = new LinkedHashMap<>();
        languages.put(source, describe(source));
        for (LanguageTag tag : offeredTags) {
            languages.putIfAbsent(tag, describe(tag));
        }
        this.offered = Collections.unmodifiableMap(languages);
        for (Map.Entry<LanguageTag, List<LanguageTag>> entry : fallbacks.entrySet()) {
            for (LanguageTag target : entry.getValue()) {
                if (!offered.containsKey(target)) {
                    throw new IllegalArgumentException("fallback " + entry.getKey() + " → " + target
                            + " names a language that is not offered; offered: " + offered.keySet());
                }
            }
        }
        this.configuredFallbacks = Map.copyOf(fallbacks);
    }

    static Language describe(LanguageTag tag) {
        ULocale locale = tag.locale();
        LocaleDisplayNames own = LocaleDisplayNames.getInstance(locale,
                DisplayContext.DIALECT_NAMES, DisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU);
        LocaleDisplayNames english = LocaleDisplayNames.getInstance(ULocale.ENGLISH,
                DisplayContext.DIALECT_NAMES, DisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU);
        Direction direction = locale.isRightToLeft() ? Direction.RTL : Direction.LTR;
        Set<String> plurals = Collections.unmodifiableSet(new TreeSet<>(PluralRules.forLocale(locale).getKeywords()));
        return new Language(tag, english.localeDisplayName(locale), own.localeDisplayName(locale), direction, plurals);
    }

    public LanguageTag source() {
        return source;
    }

    public List<Language> languages() {
        return List.copyOf(offered.values());
    }

    public Language language(LanguageTag tag) {
        Language language = offered.get(tag);
        if (language == null) {
            throw new IllegalArgumentException(tag + " is not an offered language");
        }
        return language;
    }

    /** The script direction of any language, offered or not (text may be in a segment's source language). */
    public String direction(LanguageTag tag) {
        return offered.containsKey(tag) ? offered.get(tag).direction().attribute()
                : tag.locale().isRightToLeft() ? Direction.RTL.attribute() : Direction.LTR.attribute();
    }

    public boolean offers(LanguageTag tag) {
        return offered.containsKey(tag);
    }

    /** The offered language that stands for {@code tag}: itself, or one that means the same language. */
    public Optional<LanguageTag> resolve(LanguageTag tag) {
        if (offered.containsKey(tag)) {
            return Optional.of(tag);
        }
        ULocale likely = tag.likely();
        return offered.keySet().stream().filter(candidate -> candidate.likely().equals(likely)).findFirst();
    }

    /**
     * The chain for a reader asking for {@code requested}: the requested tag, its configured fallbacks, the same
     * language in another offered script that converts to the requested one ({@code zh-Hant → zh-Hans}, served
     * converted), its ICU parents ({@code pt-BR → pt}), each resolved to an offered language, ending at the source
     * language.
     */
    public FallbackChain chain(LanguageTag requested) {
        Set<LanguageTag> chain = new LinkedHashSet<>();
        visit(requested, new LinkedHashSet<>(), chain);
        chain.remove(source);
        chain.add(source);
        return new FallbackChain(new ArrayList<>(chain));
    }

    /**
     * The chain for someone who told us the languages they read, in order (a subscriber): those languages first —
     * they said they read their second language, not their first one's configured fallback — then the rest of each
     * one's own chain, ending at the source language.
     */
    public FallbackChain chain(List<LanguageTag> preferences) {
        Set<LanguageTag> chain = new LinkedHashSet<>();
        preferences.stream().map(this::resolve).flatMap(Optional::stream).forEach(chain::add);
        for (LanguageTag preference : preferences) {
            Set<LanguageTag> own = new LinkedHashSet<>();
            visit(preference, new LinkedHashSet<>(), own);
            own.remove(source);
            chain.addAll(own);
        }
        chain.add(source);
        return new FallbackChain(new ArrayList<>(chain));
    }

    private void visit(LanguageTag tag, Set<LanguageTag> seen, Set<LanguageTag> chain) {
        if (!seen.add(tag)) {
            return;
        }
        Optional<LanguageTag> offeredTag = resolve(tag);
        if (offeredTag.isPresent() && chain.add(offeredTag.get())) {
            for (LanguageTag fallback : configuredFallbacks.getOrDefault(offeredTag.get(), List.of())) {
                visit(fallback, seen, chain);
            }
            // the same language in the other script, converted (ScriptConversion), before any other language
            for (LanguageTag other : offered.keySet()) {
                if (ScriptConversion.between(other, offeredTag.get()).isPresent()) {
                    visit(other, seen, chain);
                }
            }
        }
        for (LanguageTag fallback : configuredFallbacks.getOrDefault(tag, List.of())) {
            visit(fallback, seen, chain);
        }
        ULocale parent = tag.locale().getFallback();
        if (parent != null && !parent.getLanguage().isEmpty()) {
            LanguageTag parentTag = new LanguageTag(parent.toLanguageTag());
            // zh-Hant's truncation parent is zh, which means Simplified: a parent in another script is no fallback
            if (parentTag.likely().getScript().equals(tag.likely().getScript())) {
                visit(parentTag, seen, chain);
            }
        }
    }
}
