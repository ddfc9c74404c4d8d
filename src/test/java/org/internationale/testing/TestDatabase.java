package org.internationale.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A real database for persistence tests without a container: an in-memory H2 in PostgreSQL mode by default, or
 * — when the build passes {@code it.database.url} (see .ci/run) — a fresh schema in that PostgreSQL, dropped at
 * close. The schema is made by the production Flyway migrations; EclipseLink, the provider Payara runs, maps it.
 */
public final class TestDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final String schema;
    private final EntityManagerFactory factory;

    public TestDatabase() {
        this(true);
    }

    /** A database with no schema at all, as a restore finds it. */
    public static TestDatabase empty() {
        return new TestDatabase(false);
    }

    private TestDatabase(boolean migrated) {
        String url = System.getProperty("it.database.url", "");
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (url.isBlank()) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            dataSource = h2;
            schema = null;
        } else {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setUrl(url);
            String user = System.getProperty("it.database.user", "");
            if (!user.isBlank()) {
                pg.setUser(user);
            }
            String password = System.getProperty("it.database.password", "");
            if (!password.isBlank()) {
                pg.setPassword(password);
            }
            schema = name;
            execute(pg, "CREATE SCHEMA " + schema);
            pg.setCurrentSchema(schema);
            dataSource = pg;
        }
        if (migrated) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        }
        factory = Persistence.createEntityManagerFactory("internationale", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", dataSource,
                "eclipselink.logging.level", System.getProperty("el.log", "WARNING"), "eclipselink.logging.timestamp", "true", "eclipselink.logging.level.sql", System.getProperty("el.log", "WARNING")));
    }

    /** For code that works on JDBC directly; autocommit, statement by statement. */
    public DataSource dataSource() {
        return dataSource;
    }

    public boolean postgres() {
        return schema != null;
    }

    public EntityManager entityManager() {
        return factory.createEntityManager();
    }

    /** Runs work in one transaction of a fresh entity manager, as a @Transactional method would. */
    public void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = entityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    @Override
    public void close() {
        factory.close();
        if (schema != null) {
            execute(dataSource, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
