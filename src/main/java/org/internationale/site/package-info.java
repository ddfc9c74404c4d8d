/**
 * The site shell every feature's pages stand in: the reader site's router ({@code /} and {@code /{lang}/…}), the
 * workspace's login, logout and shared page handling ({@code /workspace/…}), the layouts, the language menu, the
 * interface's own words ({@code ui.po} through {@link org.internationale.site.control.UiStrings}), the stylesheet
 * and script ({@code /assets/…}), entity tags and the HTML response rules. It owns no page's content.
 *
 * <p>Decisions: the shell knows no feature. A feature with reader pages implements
 * {@link org.internationale.site.boundary.ReaderPages} (found through CDI by the first address segment after the
 * language); a feature with workspace pages maps its own desk servlet ({@code /workspace/<area>/*}, extending
 * {@link org.internationale.site.boundary.WorkspaceServlet}), whose longer prefix wins over the shell's
 * {@code /workspace/*}. Pages are jte templates kept beside each feature's boundary
 * ({@code <feature>/boundary/*.jte}, compiled at build time), every expression escaped by jte; the shell's own are
 * the layouts, the error and message pages and the form fields. The site is served by servlets beside the JSON API
 * rather than by a second JAX-RS application: the reader router is the default servlet, so {@code /api/*},
 * {@code /feeds/*} and {@code /problem} keep their more specific mappings and no exception mapper is shared between
 * the API and the pages (docs/decisions/0009-server-rendered-pages.md).
 */
package org.internationale.site;
