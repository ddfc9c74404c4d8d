/**
 * Languages: which ones the movement offers, what ICU knows about them, and the one rule that decides
 * which language a reader gets.
 *
 * <p>Decisions: tags are BCP 47, parsed strictly by ICU4J ({@link org.internationale.locale.entity.LanguageTag});
 * names, script direction and plural categories come from ICU/CLDR data rather than tables of ours. The
 * {@link org.internationale.locale.entity.FallbackChain} of a language is its configured fallbacks, then its
 * ICU parents, always ending at the source language; an offered language stands in for a chain member when
 * both expand (likely subtags) to the same full locale, so {@code pt} finds {@code pt-BR} and {@code zh} finds
 * {@code zh-Hans}, while {@code zh-Hant} never silently becomes {@code zh-Hans}: a language offered in two scripts
 * that ICU converts ({@link org.internationale.locale.control.ScriptConversion}: Simplified and Traditional Chinese,
 * Serbian Cyrillic to Latin) falls back to its other script, and the text is served converted and labelled so.
 * This package depends on no other feature.
 */
package org.internationale.locale;
