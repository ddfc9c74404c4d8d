/**
 * Search in every reader's language, scripts without spaces included ({@code /api/search}, {@code /api/search/suggest} and
 * the reader's {@code /{lang}/search} page, over the one {@link org.internationale.search.control.Searcher}): a Lucene index of everything published —
 * platform clauses, updates, statements, pages, sent newsletters — one index document per translation, tied to its
 * translation group, with a field set per language (Lucene's own analyzers) and a universal ICU field.
 *
 * <p>Decisions: the index is derived from the database and lives under {@code DATA_DIR/index}; it is rebuilt in the
 * background at start-up when missing, unreadable, of an older schema version or left half-filled by a rebuild a crash
 * cut off, while the API answers from whatever is there. Before any of that, on the deploying thread, the analysis
 * and indexing are loaded once (Lucene and ICU read the Japanese and Korean dictionaries, word break engines and
 * transforms on first use, which the first search after a restart waited for; and a background thread that loaded
 * them while Payara closed the application's jar files left ICU's transliterator broken until a restart).
 * Publishing, unpublishing, approvals and source revisions reach it through CDI events and are visible within a
 * second through a {@link org.apache.lucene.search.SearcherManager}. The same changes are written to a change log in
 * their own transaction ({@code search_change}); every instance follows it once a second from a position its index's
 * commits record, so a change made on another instance, or whose indexing a crash cut off, reaches every index. The universal field folds case and
 * diacritics with ICU folding, except in Devanagari, Bengali and Thai, where folding would strip the virama and tone
 * marks that make words distinct. Turkish dotted and dotless i are folded together before tokenizing, so Istanbul,
 * İSTANBUL and istanbul meet; Persian's zero-width non-joiner is handled by the Persian analyzer at index and query
 * time alike; Traditional and Simplified Chinese meet through ICU's Traditional-Simplified transform.
 *
 * <p>Results: a query is answered on one snapshot of the index ({@link org.internationale.search.control.SnapshotSearch},
 * which needs no container, so that its rules are tested as plain unit tests and the search benchmark can measure the
 * same code without the server). One pass over all matches ({@link org.internationale.search.control.ChainCollector}) keeps the best
 * texts per language of the reader's fallback chain and counts every match exactly — {@code total} is the number of
 * matching translation groups, the type and year facets count groups, the language facet counts texts. A group's texts
 * are indexed as one Lucene block so that groups can be counted segment by segment. Segments are sorted by language, so
 * that the norms of each language's own fields are dense and lookups direct (they were sparse, scanned on every
 * match). After a full rebuild the index is merged into one segment: a query pays for every segment it visits. Indexing after a commit runs on one thread of the
 * container's thread factory, because observers of a timer's transaction run without the application's context
 * (bench/README.md tells how that was found). Bodies are indexed as the words a reader sees, without Markdown, so that
 * snippets show no markup and their marks fall on the words shown. Snippets are the body's best two sentences with the matches marked,
 * by ICU's sentence rules for the text's language (the JDK's, which the highlighter uses by default, miss the full
 * stops of Amharic, Tigrinya, Urdu and Armenian); in Thai, Lao, Khmer and Burmese, which end a sentence with a space or
 * nothing, about 160 characters around the match cut at ICU's word boundaries instead.
 */
package org.internationale.search;
