/**
 * The server-rendered web: the public reader site ({@code /{lang}/…}, works without JavaScript) and the logged-in
 * workspace of translators, reviewers and editors ({@code /workspace/…}). It owns only presentation — routes,
 * templates (jte, compiled at build time from {@code src/main/jte}), the stylesheet, HTTP caching and the interface
 * language — and calls the features' control classes for everything else: which text a reader gets comes from
 * {@code PlatformReader}/{@code DocumentReader} (the one fallback rule), Markdown from {@code MarkdownRenderer}, diffs
 * from {@code WordDiff}, search from {@code Searcher}, logins from {@code Logins}, permissions from
 * {@code Permissions}.
 * <p>
 * The site is served by servlets mapped beside the JSON API rather than by a second JAX-RS application: the reader
 * servlet is the default servlet ({@code /}), so {@code /api/*}, {@code /feeds/*}, {@code /statements/confirm} and
 * {@code /problem} keep their more specific mappings and no resource or exception mapper is shared between the API and
 * the pages (see docs/decisions/0009-server-rendered-pages.md).
 * <p>
 * Boundaries are thin: they read the request, call control classes and render. {@code ReaderSite} serves the reader
 * site and {@code Assets} the stylesheet and script. The workspace is one servlet per area, each mapped to its own
 * prefix so the container's longest-prefix rule routes to it:
 * <ul>
 *   <li>{@code WorkspaceEntry} ({@code /workspace/*}): login, logout, the dashboard, and the 404 page for any address
 *       no desk claims;</li>
 *   <li>{@code TranslatorDesk} ({@code /workspace/translations/*}): a language's progress, PO/XLIFF export and import,
 *       and the desk of one text (save, submit, approve, send back, restore);</li>
 *   <li>{@code EditorDesk} ({@code /workspace/documents/*}, {@code /workspace/demands/*}, {@code /workspace/editions/*}):
 *       the document editor (create, save, preview, review, publish — coordinated or scheduled — unpublish, signature
 *       moderation), demand status and platform editions;</li>
 *   <li>{@code NewsletterDesk} ({@code /workspace/newsletters/*}, {@code /workspace/campaigns/*}): newsletter
 *       previews and items, campaigns (coverage, test, send, pause, resume, cancel, progress).</li>
 * </ul>
 * What they share — the address after {@code /workspace} as parts, the interface language with the session's user and
 * CSRF token, rendering, the message page for refusals and failures, the audit record of each POST — is
 * {@code WorkspacePages}, injected into each. The logic behind the pages is in {@code web.control}: the translation
 * desk's view ({@code TranslationDesks}), the document form's values, checks and release fields
 * ({@code DocumentForms}), the newsletter preview ({@code NewsletterPreview}) and the dashboard ({@code Dashboard}).
 */
package org.internationale.web;
