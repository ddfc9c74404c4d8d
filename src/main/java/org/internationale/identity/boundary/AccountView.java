package org.internationale.identity.boundary;

import org.internationale.identity.entity.Account;

import java.time.Instant;
import java.util.List;

/** An account as admins see it: never its password hash. */
public record AccountView(String username, String displayName, String email, List<String> roles, List<String> languages,
                          boolean active, Instant createdAt, Instant lastLoginAt, Instant deactivatedAt) {

    static AccountView of(Account account) {
        return new AccountView(account.username(), account.displayName(), account.email(),
                account.roles().stream().sorted().toList(), account.languages().stream().sorted().toList(), account.active(),
                account.createdAt(), account.lastLoginAt().orElse(null), account.deactivatedAt().orElse(null));
    }
}
