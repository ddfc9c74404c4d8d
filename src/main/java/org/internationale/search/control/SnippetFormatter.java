package org.internationale.search.control;

import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;

/**
 * Lucene's passage formatter for snippets: matches in {@code <mark>}, passages joined by an ellipsis, the text
 * HTML-escaped. A hit without a matching passage gets its opening words escaped by the same formatter, so every
 * snippet is escaped one way.
 */
final class SnippetFormatter extends DefaultPassageFormatter {

    SnippetFormatter() {
        super("<mark>", "</mark>", " … ", true);
    }

    /** Plain text as snippet HTML, escaped exactly as the passages are. */
    String escape(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        append(html, text, 0, text.length());
        return html.toString();
    }
}
