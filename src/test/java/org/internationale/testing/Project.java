package org.internationale.testing;

import java.nio.file.Path;

/** Paths of the checkout, for tests that read the seed files as shipped. */
public final class Project {

    private Project() {
    }

    public static Path root() {
        return Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath().normalize();
    }

    public static Path content() {
        return root().resolve("content").resolve("platform");
    }

    public static Path translations() {
        return root().resolve("translations");
    }
}
