package org.internationale.system.control;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseSettingsTest {

    @Test
    void defaultsToAnH2FileUnderTheDataFolder() {
        Map<String, String> settings = DatabaseSettings.derive(Map.of("DATA_DIR", "/srv/internationale")::get);
        assertEquals("org.h2.jdbcx.JdbcDataSource", settings.get(DatabaseSettings.DATASOURCE_CLASS));
        assertTrue(settings.get(DatabaseSettings.URL).startsWith("jdbc:h2:file:/srv/internationale/db/internationale;MODE=PostgreSQL"));
        assertTrue(settings.get(DatabaseSettings.URL).endsWith(";WRITE_DELAY=0"), "commits reach the file before they return");
        assertEquals("/srv/internationale", settings.get(DatabaseSettings.DATA_DIR));
    }

    @Test
    void relativeDataFolderResolvesAgainstTheWorkingFolder() {
        Map<String, String> settings = DatabaseSettings.derive(Map.<String, String>of()::get);
        assertEquals(Path.of("data").toAbsolutePath().toString(), settings.get(DatabaseSettings.DATA_DIR));
    }

    @Test
    void postgresFromAJdbcUrlWithSeparateCredentials() {
        Map<String, String> settings = DatabaseSettings.derive(Map.of(
                "DATABASE_URL", "jdbc:postgresql://db:5432/internationale",
                "DATABASE_USER", "app",
                "DATABASE_PASSWORD", "s&cret")::get);
        assertEquals("org.postgresql.ds.PGSimpleDataSource", settings.get(DatabaseSettings.DATASOURCE_CLASS));
        assertEquals("jdbc:postgresql://db:5432/internationale?user=app&password=s%26cret&reWriteBatchedInserts=true", settings.get(DatabaseSettings.URL));
    }

    @Test
    void postgresFromALibpqUrl() {
        Map<String, String> settings = DatabaseSettings.derive(Map.of("DATABASE_URL", "postgresql://app:pw@db.local:6543/movement?sslmode=require")::get);
        assertEquals("jdbc:postgresql://db.local:6543/movement?sslmode=require&user=app&password=pw&reWriteBatchedInserts=true", settings.get(DatabaseSettings.URL));
    }

    @Test
    void anOperatorsOwnBatchSettingIsKept() {
        Map<String, String> settings = DatabaseSettings.derive(Map.of("DATABASE_URL", "jdbc:postgresql://db/m?reWriteBatchedInserts=false")::get);
        assertEquals("jdbc:postgresql://db/m?reWriteBatchedInserts=false", settings.get(DatabaseSettings.URL));
    }

    @Test
    void anOperatorsH2FileWritesOnCommitUnlessItSaysOtherwise() {
        assertEquals("jdbc:h2:file:/x/db;AUTO_SERVER=TRUE;WRITE_DELAY=0",
                DatabaseSettings.derive(Map.of("DATABASE_URL", "jdbc:h2:file:/x/db;AUTO_SERVER=TRUE;")::get).get(DatabaseSettings.URL));
        assertEquals("jdbc:h2:file:/x/db;write_delay=200",
                DatabaseSettings.derive(Map.of("DATABASE_URL", "jdbc:h2:file:/x/db;write_delay=200")::get).get(DatabaseSettings.URL));
        assertEquals("jdbc:h2:mem:scratch",
                DatabaseSettings.derive(Map.of("DATABASE_URL", "jdbc:h2:mem:scratch")::get).get(DatabaseSettings.URL));
    }

    @Test
    void otherDatabasesAreRefusedWithAClearMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.derive(Map.of("DATABASE_URL", "mysql://x/y")::get));
        assertTrue(e.getMessage().contains("DATABASE_URL"));
    }
}
