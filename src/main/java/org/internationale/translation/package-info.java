/**
 * Translation work: saving translations as revisions pinned to a source revision (409 on a concurrent edit,
 * never an overwrite), approval by reviewers of the language, and exchange files (gettext PO) applied to segments.
 *
 * <p>Decisions: PO is read and written here rather than with a library because no maintained Java PO library
 * exists; GNU gettext's {@code msgfmt --check} is the judge in tests. An entry is keyed by {@code msgctxt} (the
 * stable segment id); its {@code msgid} says which source text it was made from, so a file made against an
 * older source imports as outdated instead of passing for current. Imports never overwrite a translation that
 * was edited in the system after the file was last applied: such entries are reported as conflicts.
 */
package org.internationale.translation;
