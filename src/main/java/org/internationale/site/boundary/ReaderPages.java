package org.internationale.site.boundary;

import java.io.IOException;
import java.util.Set;

/**
 * One feature's pages of the reader site. Each feature that has reader pages implements this once (a CDI bean); the
 * {@link ReaderSite} sends every {@code /{lang}/<section>/…} address to the feature that names {@code <section>}, so
 * the site shell knows no feature and a feature's pages live in its own folder with its JSON resources.
 */
public interface ReaderPages {

    /** The first address segments after the language these pages answer ({@code platform}; the home page is {@code ""}). */
    Set<String> sections();

    void get(ReaderRequest request) throws IOException;

    /** A form sent to one of these pages; most pages take none. */
    default void post(ReaderRequest request) throws IOException {
        request.methodNotAllowed();
    }
}
