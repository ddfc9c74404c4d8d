/**
 * The JSON API's shared wiring: the JAX-RS application at {@code /api} and the translation of every failure
 * into RFC 9457 problem details.
 *
 * <p>Decisions: one mapper for all throwables classifies by the cause chain (a stale revision or optimistic-lock
 * failure arrives wrapped in transaction exceptions), so no feature needs its own mapper and nothing unexpected
 * ever leaks a stack trace: an unclassified failure is a 500 whose detail is a reference id that also stands in
 * the log next to the trace. Input is checked once, at the edge ({@link org.internationale.api.boundary.TextInput}):
 * a text XML cannot carry is refused before any resource runs, so no feature has to remember it.
 */
package org.internationale.api;
