package org.internationale.system.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.internationale.system.entity.SchemaMigrating;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Brings the schema up to date before anything else runs; beans that touch the database at start-up
 * {@code @DependsOn} it. Flyway owns the schema on both databases; the same migrations run on H2 and PostgreSQL.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATASOURCE,
        className = "${MPCONFIG=" + DatabaseSettings.DATASOURCE_CLASS + "}",
        url = "${MPCONFIG=" + DatabaseSettings.URL + "}",
        minPoolSize = 2,
        maxPoolSize = 24,
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data"})
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    public static final String DATASOURCE = "java:app/jdbc/internationale";
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    private volatile boolean migrated;

    @Inject
    Event<SchemaMigrating> migrating;

    @PostConstruct
    void migrate() {
        // a restore from an archive runs here: into the empty database, at the archive's schema version
        migrating.fire(new SchemaMigrating(dataSource, version -> flyway(version).migrate(), latestVersion()));
        MigrateResult result = flyway(null).migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now, database " + result.database + ")");
        migrated = true;
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure(getClass().getClassLoader()).dataSource(dataSource).locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    /** The version of the newest migration this build ships. */
    public String latestVersion() {
        var pending = flyway(null).info().all();
        return pending.length == 0 ? "0" : pending[pending.length - 1].getVersion().getVersion();
    }

    public boolean migrated() {
        return migrated;
    }
}
