package org.internationale.system.entity;

import javax.sql.DataSource;
import java.util.function.Consumer;

/**
 * CDI event, fired synchronously at start-up before the schema is brought to its latest version: an observer may
 * first bring an empty database to an older version of the schema ({@link #migrateTo}) and fill it — a restore from an
 * archive — so that the migrations written after that version then apply to what it restored. An observer that throws
 * stops the start.
 */
public record SchemaMigrating(DataSource dataSource, Consumer<String> migrateTo, String latestVersion) {
}
