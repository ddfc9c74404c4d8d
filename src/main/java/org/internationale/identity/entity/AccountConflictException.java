package org.internationale.identity.entity;

/** The request would leave accounts in a state that cannot be: a taken name, no active admin left. */
public class AccountConflictException extends RuntimeException {

    public AccountConflictException(String message) {
        super(message);
    }
}
