package org.internationale.bench.search;

/**
 * One benchmark query: the reader's language, an optional type filter ({@code -} for none), what kind of query it is
 * (word, words, phrase, exclusion, or, typed) and the text as a reader types it.
 */
record BenchQuery(String language, String type, String kind, String text) {

    String tsv() {
        return language + "\t" + type + "\t" + kind + "\t" + text;
    }

    static BenchQuery parse(String line) {
        String[] f = line.split("\t", 4);
        return new BenchQuery(f[0], f[1], f[2], f[3]);
    }

    String typeOrNull() {
        return type.equals("-") ? null : type;
    }
}
