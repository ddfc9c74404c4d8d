/**
 * The movement's platform: sections (objectives, the six demand groups, strategies, principles, the pledge)
 * and their clauses, each a segment with a stable id that never changes when wording changes.
 *
 * <p>Decisions: {@code content/platform/*.md} is the seed, one CommonMark file per section with YAML front
 * matter; a clause is introduced by the CommonMark comment idiom {@code [//]: # (clause: id)} so the files stay
 * readable Markdown. The seed is imported at every start: unchanged text creates nothing, changed text creates a
 * source revision of the file's {@code change-kind} (default {@code meaning}), a clause gone from the files is
 * retired, never deleted. The database is the truth after import: a clause edited through the API since the last
 * import is not overwritten by the file (the import logs the conflict). A section's heading is a segment like a
 * clause, addressed as {@code <section>.title}: readers fetch it, editors revise it and translators translate it
 * through the same endpoints and the same rules ({@link org.internationale.platform.entity.PlatformText}).
 * Editions freeze the whole text with its translations ({@link org.internationale.platform.control.EditionArchive}).
 * Its faces: {@code /api/platform} and {@code /api/admin/platform}, the reader pages {@code /{lang}/platform} and
 * {@code /{lang}/platform/changes}, and the editors' {@code /workspace/editions}, built from the same views
 * ({@code PlatformView}, {@code EditionDiff}).
 */
package org.internationale.platform;
