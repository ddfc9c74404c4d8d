/**
 * Co-signing solidarity statements: organisations sign through a public form, confirm by an e-mailed link, and an
 * editor moderates before a signature shows. A signature is bound to the statement revision it was given on; when
 * the statement changes in meaning afterwards, signers and readers are told.
 *
 * <p>Decisions: the e-mailed link opens a page whose button confirms by POST, so mail scanners that fetch links
 * confirm nobody; tokens are 256 random bits, stored as SHA-256, valid for seven days. Contact addresses are never
 * shown publicly, and are not erased with a subscriber of the same address (an organisation's act, not a
 * subscription). Signing sends mail at a stranger's request, so it takes the same throttle and daily cap as
 * subscribing; the organisation and country go into that mail and must be one line, and the mail is plain text only.
 */
package org.internationale.statements;
