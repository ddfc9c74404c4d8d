package org.internationale.identity.entity;

/** The application's roles; their names are the security roles of web.xml. */
public final class Role {

    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";
    public static final String TRANSLATOR = "translator";
    public static final String REVIEWER = "reviewer";

    private Role() {
    }
}
