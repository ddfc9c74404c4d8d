/**
 * What the running system gives every feature: the data folder, the one database (H2 file by default,
 * PostgreSQL when {@code DATABASE_URL} says so), the schema (owned by Flyway migrations, run before anything
 * else starts) and the clock.
 *
 * <p>Decisions: one non-XA datasource, defined with {@code @DataSourceDefinition} whose attributes are MicroProfile
 * Config placeholders filled by {@link org.internationale.system.control.DatabaseSettings}, so the same WAR runs
 * on either database without server configuration. JPA schema generation stays off. The clock is a CDI bean so
 * that schedules can be tested without waiting. An H2 file writes each commit before it returns
 * ({@code WRITE_DELAY=0}): with H2's default half-second delay a killed server lost what it had acknowledged, the
 * delivery ledger's marks included (ADR 0002).
 */
package org.internationale.system;
