package org.internationale.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.platform.control.EditionArchive;
import org.internationale.site.boundary.HtmlResponses;
import org.internationale.site.boundary.WorkspacePages;
import org.internationale.site.boundary.WorkspacePages.Refused;
import org.internationale.site.boundary.WorkspaceServlet;
import org.internationale.site.control.Ui;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /workspace/editions}: the platform's editions, and the form that publishes today's text as the next one. */
@WebServlet("/workspace/editions/*")
public class EditionDesk extends WorkspaceServlet {

    @Inject
    Permissions permissions;

    @Inject
    EditionArchive editions;

    @Override
    protected void route(HttpServletRequest request, HttpServletResponse response, List<String> parts, boolean post, Ui ui)
            throws IOException {
        if (parts.size() != 1) {
            throw WorkspacePages.notFound(ui);
        }
        editionsPage(request, response, post, ui);
    }

    private void editionsPage(HttpServletRequest request, HttpServletResponse response, boolean post, Ui ui) throws IOException {
        String author = permissions.requireAny(Role.EDITOR).username();
        if (post) {
            String note = Optional.ofNullable(request.getParameter("note")).orElse("").strip();
            if (note.length() > EditionArchive.MAX_NOTE) {
                throw new Refused(400, ui.t("form.too-long", "max", EditionArchive.MAX_NOTE));
            }
            editions.publish(note.isEmpty() ? null : note, author);
            HtmlResponses.redirect(response, 303, WorkspacePages.ROOT + "/editions?done=edition");
            return;
        }
        pages.render(request, response, ui, "platform/boundary/editions.jte", Map.of("editions", editions.all(),
                "flash", WorkspacePages.flash(request, ui)), 200);
    }
}
