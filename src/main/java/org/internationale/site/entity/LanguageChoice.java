package org.internationale.site.entity;

/** One entry of the language switcher and of the {@code hreflang} alternates: a language and this page in it. */
public record LanguageChoice(String tag, String nativeName, String direction, String href, boolean current) {
}
