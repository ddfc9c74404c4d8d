/**
 * Translation work, in both faces: saving translations as revisions pinned to a source revision (409 on a concurrent
 * edit, never an overwrite), review by the language's reviewers (four eyes), exchange files (PO and XLIFF) applied to
 * segments, the glossary and translation memory, and the translators' pages — the workspace's first page
 * ({@code /workspace/}), a language's progress and the desk of one text ({@code /workspace/translations/…}) — built
 * from the same views as {@code /api/translations/…}.
 *
 * <p>Decisions: the PO format itself is the {@code text} feature's (the interface's words travel in it too); an entry is keyed by {@code msgctxt} (the
 * stable segment id); its {@code msgid} says which source text it was made from, so a file made against an
 * older source imports as outdated instead of passing for current. Imports never overwrite a translation that
 * was edited in the system after the file was last applied: such entries are reported as conflicts.
 */
package org.internationale.translation;
