package org.internationale.translation.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Caller;
import org.internationale.site.boundary.WorkspacePages.Refused;
import org.internationale.site.boundary.WorkspaceServlet;
import org.internationale.site.control.Ui;
import org.internationale.translation.control.TranslationProgress;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The workspace's first page ({@code /workspace/}): the progress of each language the caller translates or reviews,
 * and for editors the ways to their desks. Mapped to the exact addresses, which win over the shell's
 * {@code /workspace/*} (login, logout, and the 404 page for addresses no desk claims).
 */
@WebServlet({"/workspace", "/workspace/"})
public class WorkspaceHome extends WorkspaceServlet {

    @Inject
    Permissions permissions;

    @Inject
    TranslationProgress progress;

    @Override
    protected void route(HttpServletRequest request, HttpServletResponse response, List<String> parts, boolean post, Ui ui)
            throws IOException {
        if (post) {
            throw new Refused(405, ui.t("error.method"));
        }
        Caller caller = permissions.caller();
        pages.render(request, response, ui, "translation/boundary/dashboard.jte", Map.of("caller", caller,
                "progress", progress.ofCaller(caller), "offered", progress.translatedLanguages()), 200);
    }
}
