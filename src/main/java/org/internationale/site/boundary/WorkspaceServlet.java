package org.internationale.site.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.site.control.Ui;

import java.io.IOException;
import java.util.List;

/**
 * One area of the workspace: GET and POST both go through {@link WorkspacePages#serve} (session, interface language,
 * CSRF, errors as pages, audit of POSTs) to the area's own router.
 */
public abstract class WorkspaceServlet extends HttpServlet {

    @Inject
    protected WorkspacePages pages;

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.serve(request, response, false, this::route);
    }

    @Override
    protected final void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.serve(request, response, true, this::route);
    }

    /** @param parts the address after {@code /workspace}, split at slashes ({@code [translations, es, 1.2]}) */
    protected abstract void route(HttpServletRequest request, HttpServletResponse response, List<String> parts, boolean post, Ui ui)
            throws IOException;
}
