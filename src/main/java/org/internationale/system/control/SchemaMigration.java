package org.internationale.system.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

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

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now, database " + result.database + ")");
        migrated = true;
    }

    public boolean migrated() {
        return migrated;
    }
}
