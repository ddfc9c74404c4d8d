/**
 * The static mirror: the whole public reader site written as plain files under {@code DATA_DIR/mirror/}, for
 * supporters to host anywhere when the domain is blocked or the server is gone ({@code POST /api/admin/mirror},
 * {@code GET /api/admin/mirror}, {@code GET /api/admin/mirror.tar.gz}).
 *
 * <p>Decisions: the mirror is what the site serves, not a second rendering of it. The export walks the running
 * instance over loopback from every language's home page, as an anonymous reader would (so it gets the kept pages
 * of the page cache, never anything personal), and only then rewrites each page: links between mirrored files become
 * relative paths to real files ({@code …/index.html}), so the copy works at any path, from {@code file://} and on a
 * content-addressed gateway; the canonical and hreflang links keep naming the site itself; forms that need the server
 * become a link to the same page on the site. Each page carries a notice with the date its content was first seen in
 * this form, kept in the mirror's manifest: an export rewrites only the files whose bytes changed. Search is a
 * per-language index of words built here with ICU's word breaks and queried in the browser with
 * {@code Intl.Segmenter}, which breaks words the same way for scripts written without spaces
 * (docs/decisions/0012-static-mirror.md).
 */
package org.internationale.mirror;
