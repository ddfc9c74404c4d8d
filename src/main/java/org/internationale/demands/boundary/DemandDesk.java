package org.internationale.demands.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.demands.control.DemandBoard;
import org.internationale.demands.entity.DemandStatus;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.locale.control.LanguageNegotiator;
import org.internationale.platform.control.PlatformReader;
import org.internationale.site.boundary.HtmlResponses;
import org.internationale.site.boundary.WorkspacePages;
import org.internationale.site.boundary.WorkspacePages.Refused;
import org.internationale.site.boundary.WorkspaceServlet;
import org.internationale.site.control.Ui;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /workspace/demands}: where every demand stands, and the form that records a new status (the same rules as
 * {@code POST /api/admin/demands/{id}/status}).
 */
@WebServlet("/workspace/demands/*")
public class DemandDesk extends WorkspaceServlet {

    @Inject
    LanguageNegotiator negotiator;

    @Inject
    Permissions permissions;

    @Inject
    PlatformReader platform;

    @Inject
    DemandBoard demands;

    @Override
    protected void route(HttpServletRequest request, HttpServletResponse response, List<String> parts, boolean post, Ui ui)
            throws IOException {
        if (parts.size() != 1) {
            throw WorkspacePages.notFound(ui);
        }
        demandsPage(request, response, post, ui);
    }

    private void demandsPage(HttpServletRequest request, HttpServletResponse response, boolean post, Ui ui) throws IOException {
        String author = permissions.requireAny(Role.EDITOR).username();
        if (post) {
            String id = Optional.ofNullable(request.getParameter("demand")).orElse("");
            if (!platform.isDemand(id)) {
                throw WorkspacePages.notFound(ui);
            }
            DemandStatus.Status status;
            LocalDate date;
            try {
                status = DemandStatus.Status.parse(Optional.ofNullable(request.getParameter("status")).orElse(""));
                date = LocalDate.parse(Optional.ofNullable(request.getParameter("date")).orElse(""));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new Refused(400, ui.t("workspace.bad-date"));
            }
            String note = Optional.ofNullable(request.getParameter("note")).orElse("").strip();
            if (note.length() > DemandBoard.MAX_NOTE) {
                throw new Refused(400, ui.t("form.too-long", "max", DemandBoard.MAX_NOTE));
            }
            demands.record(id, status, date, note.isEmpty() ? null : note, author);
            HtmlResponses.redirect(response, 303, WorkspacePages.ROOT + "/demands?done=recorded#" + id);
            return;
        }
        pages.render(request, response, ui, "demands/boundary/demands.jte", Map.of("demands", demands.all(negotiator.negotiated(ui.tag())),
                "flash", WorkspacePages.flash(request, ui)), 200);
    }
}
