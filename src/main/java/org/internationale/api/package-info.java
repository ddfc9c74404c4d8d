/**
 * The HTTP edge every feature stands behind: the JAX-RS application at {@code /api}, the translation of every failure
 * into RFC 9457 problem details (for the container's own errors too), the hardening headers and body limits, and the
 * input checks of JSON bodies and forms. It depends on no feature.
 *
 * <p>Decisions: one mapper for all throwables classifies by the cause chain (a stale revision or optimistic-lock
 * failure arrives wrapped in transaction exceptions), so no feature needs its own mapper and nothing unexpected
 * ever leaks a stack trace: an unclassified failure is a 500 whose detail is a reference id that also stands in
 * the log next to the trace. Input is checked once, at the edge ({@link org.internationale.api.boundary.TextInput}):
 * a text XML cannot carry is refused before any resource runs, so no feature has to remember it. A feature's own
 * failures describe their problem themselves ({@link org.internationale.api.entity.DescribedProblem}: status,
 * title, fields), so the mapper needs to know none of them.
 */
package org.internationale.api;
