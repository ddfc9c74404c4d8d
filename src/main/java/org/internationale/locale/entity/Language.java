package org.internationale.locale.entity;

import java.util.Set;

/** An offered language with what ICU/CLDR says about it. */
public record Language(LanguageTag tag, String name, String nativeName, Direction direction, Set<String> pluralCategories) {
}
