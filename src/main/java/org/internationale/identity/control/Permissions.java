package org.internationale.identity.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import org.internationale.identity.entity.Account;
import org.internationale.identity.entity.Caller;
import org.internationale.identity.entity.Role;

import java.security.Principal;
import java.util.Arrays;

/**
 * What the current caller may do. Resources ask here before acting; a refusal is a 403 that says which role or
 * language grant is missing.
 */
@RequestScoped
public class Permissions {

    @Inject
    SecurityContext security;

    @Inject
    AccountAdministration accounts;

    private Caller caller;

    public Caller caller() {
        if (caller == null) {
            Principal principal = security.getCallerPrincipal();
            Account account = principal == null ? null : accounts.active(principal.getName()).orElse(null);
            if (account == null) {
                throw new NotAuthorizedException("Log in first.", "Basic realm=\"Internationale\"");
            }
            caller = new Caller(account.username(), account.roles(), account.languages());
        }
        return caller;
    }

    public Caller requireAny(String... roles) {
        Caller current = caller();
        if (Arrays.stream(roles).noneMatch(current::has)) {
            throw new ForbiddenException("This needs the role " + String.join(" or ", roles) + "; "
                    + current.username() + " has " + (current.roles().isEmpty() ? "none" : String.join(", ", current.roles())) + ".");
        }
        return current;
    }

    /**
     * Who may read a language's translation work — drafts, review comments, history, the glossary, suggestions,
     * progress, exchange files and newsletter previews: editors and admins every language, translators and reviewers
     * the languages granted to them. One rule, asked by the API and the workspace alike.
     */
    public Caller requireReader(String language) {
        Caller current = caller();
        if (current.has(Role.EDITOR) || current.has(Role.ADMIN) || current.has(Role.TRANSLATOR, language)
                || current.has(Role.REVIEWER, language)) {
            return current;
        }
        throw new ForbiddenException("Reading the " + language + " translations needs a translator or reviewer grant for "
                + language + "; " + current.username() + (current.languages().isEmpty() ? " has no language grant"
                : " has " + String.join(", ", current.languages())) + ".");
    }

    public Caller require(String role, String language) {
        Caller current = caller();
        if (!current.has(role, language)) {
            throw new ForbiddenException("This needs the role " + role + " for the language " + language + "; "
                    + current.username() + (current.has(role) ? " has it for " + String.join(", ", current.languages())
                    : " does not have the role") + ".");
        }
        return current;
    }
}
