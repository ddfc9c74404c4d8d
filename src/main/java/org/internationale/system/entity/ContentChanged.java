package org.internationale.system.entity;

/**
 * Something readers see has changed: fired inside the transaction that changes it, by whichever feature owns it. The
 * change log records it with the change; pages rendered before it are no longer served anywhere once every instance
 * has seen the log move.
 *
 * @param what a short description for the log ({@code document 12}, {@code demands.housing.1})
 */
public record ContentChanged(String what) {
}
