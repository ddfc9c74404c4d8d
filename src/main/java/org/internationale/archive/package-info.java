/**
 * One archive of everything the site is, for backups, for restoring, and for moving from the embedded H2 database to
 * PostgreSQL: {@code GET /api/admin/archive}, {@code RESTORE_FROM} at start-up, {@code BACKUP_EVERY}/{@code BACKUP_KEEP}.
 *
 * <p>Decisions: the archive is the database, table by table, not a second model of it. Every table Flyway made is
 * written as JSON Lines in primary-key order, read in one snapshot transaction so that a campaign sending meanwhile
 * cannot make it inconsistent; column types are written as portable names, so an archive from H2 restores into
 * PostgreSQL. Ids are kept, and so are the site's secrets: links issued before (a subscriber's preferences) keep
 * working. A restore verifies the whole archive (checksums, format, passphrase) before it writes anything, refuses a
 * database that holds data, brings the empty one to the archive's schema version, loads every table in one
 * transaction in the order of their foreign keys, and lets the newer migrations run after it. A passphrase makes the
 * archive OpenPGP (Bouncy Castle), which {@code gpg --decrypt} reads (docs/archive.md,
 * docs/decisions/0014-archive.md).
 */
package org.internationale.archive;
