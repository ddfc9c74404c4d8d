/**
 * Publishing what happens around the platform: updates on demands, solidarity statements and their signatures, pages
 * (guides, about) and newsletters, all one kind of {@link org.internationale.publishing.entity.Document} over three segments
 * ({@code doc:<id>.title}, {@code .summary}, {@code .body}) so they share revisions, translations, review and the
 * fallback rule with everything else.
 *
 * <p>Decisions: a document is published in its source language when it is published (now, or at a scheduled time);
 * every other language goes out by itself the moment all its segments have an approved translation — unless the
 * editor chose a coordinated release, when the chosen languages wait for each other. Readers get a document in one
 * language as a whole (never a title in one language and a body in another). Publishing, releasing a language and
 * unpublishing fire CDI events that search, feeds and newsletters observe. Markdown is rendered by the one
 * {@link org.internationale.text.control.MarkdownRenderer}. Its faces: the JSON API ({@code /api/documents},
 * {@code /api/admin/documents}, {@code /api/statements/{id}/signatures}), the feeds, the reader pages
 * ({@code /{lang}/updates|statements|pages/…}) and the editors' desk ({@code /workspace/documents/…}); a form and the
 * API share their rules (slug, demands, lengths) through the entities' constants and the control classes.
 *
 * <p>Statements are documents that organisations co-sign: they sign through a public form, confirm by an e-mailed
 * link, and an editor moderates before a signature shows. A signature is bound to the statement revision it was
 * given on; when the statement changes in meaning afterwards, signers and readers are told. SignatureWorkflow live here,
 * not in a feature of their own, because both faces of a statement (its reader page, its editor page) show them:
 * apart, the two features would depend on each other. The e-mailed link opens a page whose button confirms by POST,
 * so mail scanners that fetch links confirm nobody; tokens are 256 random bits, stored as SHA-256, valid for seven
 * days. Contact addresses are never shown publicly, and are not erased with a subscriber of the same address (an
 * organisation's act, not a subscription). Signing sends mail at a stranger's request, so it takes the same throttle
 * and daily cap as subscribing; the organisation and country go into that mail and must be one line.
 */
package org.internationale.publishing;
