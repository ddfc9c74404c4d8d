/**
 * The reader site's front page ({@code /{lang}/}): the newest updates and where each demand of the platform stands.
 *
 * <p>Decisions: a feature of its own because it shows two others (publishing's updates, the demands board) and
 * neither should depend on the other for it; it owns nothing stored.
 */
package org.internationale.home;
