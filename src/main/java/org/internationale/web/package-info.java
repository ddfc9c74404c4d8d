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
 */
package org.internationale.web;
