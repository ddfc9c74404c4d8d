/**
 * Sending mail: through SMTP when {@code SMTP_HOST} is set (Jakarta Mail, as Payara bundles it), otherwise as
 * {@code .eml} files in {@code DATA_DIR/outbox}, so a fresh checkout can show every mail it would send.
 *
 * <p>This is the transport only; campaigns, the delivery ledger, DKIM and bounces belong to the newsletter work
 * and build on it.
 */
package org.internationale.mailing;
