/**
 * Publishing what happens around the platform: updates on demands, solidarity statements, pages (guides, about) and
 * newsletters, all one kind of {@link org.internationale.publishing.entity.Document} over three segments
 * ({@code doc:<id>.title}, {@code .summary}, {@code .body}) so they share revisions, translations, review and the
 * fallback rule with everything else.
 *
 * <p>Decisions: a document is published in its source language when it is published (now, or at a scheduled time);
 * every other language goes out by itself the moment all its segments have an approved translation — unless the
 * editor chose a coordinated release, when the chosen languages wait for each other. Readers get a document in one
 * language as a whole (never a title in one language and a body in another). Publishing, releasing a language and
 * unpublishing fire CDI events that search, feeds and newsletters observe. Markdown is rendered by the one
 * {@link org.internationale.text.control.MarkdownRenderer}.
 */
package org.internationale.publishing;
