/**
 * The one mechanism for everything a reader can see: a {@link org.internationale.text.entity.Segment} with an
 * append-only list of source revisions and, per language, a {@link org.internationale.text.entity.Translation}
 * with its own append-only revisions, each pinned to the source revision it was made from.
 *
 * <p>Decisions: "outdated" is derived, never stored — a translation is outdated when a {@code meaning} revision
 * of the source exists after the one its latest revision was based on — so it cannot drift from the history.
 * Which text a reader gets is decided in one place, {@link org.internationale.text.control.TextLocalizer}, by
 * walking the language's fallback chain. Platform clauses, documents and newsletters are thin aggregates over
 * segments and add no translation logic of their own. The formats texts travel in are here too: gettext PO (read and
 * written by our own {@link org.internationale.text.control.PoReader}/{@link org.internationale.text.control.PoWriter},
 * because no maintained Java PO library exists; GNU gettext's {@code msgfmt --check} is the judge in tests), ICU
 * MessageFormat patterns, and Markdown through CommonMark.
 */
package org.internationale.text;
