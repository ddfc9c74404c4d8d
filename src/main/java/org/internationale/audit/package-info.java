/**
 * Who changed what, and when: an append-only log of every write made through the API or a workspace form (method, path, result,
 * caller, client address), of security events (refused logins, CSRF and cross-site rejections) and of translation
 * approvals with both the translator's and the reviewer's name, readable by admins.
 *
 * <p>Decisions: writes are recorded by one JAX-RS response filter and one servlet filter on {@code /workspace}
 * rather than by each feature, so an endpoint or desk added later is audited without anyone remembering to; bodies are never recorded (they may hold passwords and
 * subscribers' addresses). Each record is written in its own transaction, after the write it describes.
 */
package org.internationale.audit;
