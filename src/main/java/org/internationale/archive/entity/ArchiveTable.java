package org.internationale.archive.entity;

import java.util.List;

/** A table in the archive: its JSON Lines entry, how many rows, its columns and its primary key. */
public record ArchiveTable(String name, String entry, long rows, List<ArchiveColumn> columns, List<String> key) {

    public ArchiveTable withRows(long count) {
        return new ArchiveTable(name, entry, count, columns, key);
    }
}
