package org.internationale.identity.entity;

import java.util.Set;

/** Who is making the current request, with the roles and language grants that decide what they may do. */
public record Caller(String username, Set<String> roles, Set<String> languages) {

    public Caller {
        roles = Set.copyOf(roles);
        languages = Set.copyOf(languages);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Translators and reviewers act in the languages granted to them, and only there. */
    public boolean has(String role, String language) {
        return roles.contains(role) && languages.contains(language);
    }
}
