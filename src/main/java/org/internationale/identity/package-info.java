/**
 * Who works in the system: accounts with roles ({@code admin}, {@code editor}, {@code translator},
 * {@code reviewer}) and per-account language grants, authenticated with Jakarta Security against our own
 * identity store. Readers and subscribers never log in.
 *
 * <p>Decisions: passwords are stored only as PBKDF2 hashes (Jakarta Security's {@code Pbkdf2PasswordHash},
 * HMAC-SHA512, 210 000 iterations, the OWASP figure for that hash). The first start creates {@code admin} with
 * {@code ADMIN_PASSWORD}, or with a generated password printed once to the log. Roles are groups of the caller,
 * mapped one to one onto the application's roles. A change carried by a browser's credentials (session cookie or
 * Basic) must come from our own origin; bearer tokens, which browsers never add on their own, need not. Failed
 * password checks slow down per name and address, capped at a minute, and never lock anyone out. It uses only
 * {@code locale} (language grants are tags), {@code api} (errors are rendered as problem details by the error page)
 * and {@code system} (secret tokens, and the public address that is our origin).
 */
package org.internationale.identity;
