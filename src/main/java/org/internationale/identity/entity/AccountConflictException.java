package org.internationale.identity.entity;

import org.internationale.api.entity.DescribedProblem;
/** The request would leave accounts in a state that cannot be: a taken name, no active admin left. */
public class AccountConflictException extends RuntimeException implements DescribedProblem {

    public AccountConflictException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
