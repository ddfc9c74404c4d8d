package org.internationale.identity.entity;

import java.util.Set;

/**
 * The application's roles; their names are the security roles of web.xml. {@code translator} and
 * {@code reviewer} act only in the languages granted to the account.
 */
public final class Role {

    /** People and settings. */
    public static final String ADMIN = "admin";
    /** Write, review and publish content; compose and send newsletters. */
    public static final String EDITOR = "editor";
    /** Edit translations in granted languages. */
    public static final String TRANSLATOR = "translator";
    /** Approve translations in granted languages. */
    public static final String REVIEWER = "reviewer";

    public static final Set<String> ALL = Set.of(ADMIN, EDITOR, TRANSLATOR, REVIEWER);

    private Role() {
    }
}
