package org.internationale.site.boundary;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.internationale.api.entity.RetryAfter;
import org.internationale.identity.control.Logins;
import org.internationale.identity.entity.LoginRefusedException;
import org.internationale.site.boundary.WorkspacePages.Refused;
import org.internationale.site.control.Ui;
import org.internationale.system.control.ClientAddress;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The way into the workspace: the login form ({@code /workspace/login}) and logout. Mapped to all of
 * {@code /workspace/*}, so an address no desk claims gets the workspace's 404 page; the features' desks
 * ({@code /workspace/translations/*}, {@code /workspace/documents/*}, …) have longer prefixes and win, and the first
 * page ({@code /workspace/}) is mapped exactly.
 */
@WebServlet("/workspace/*")
public class WorkspaceEntry extends WorkspaceServlet {

    @Inject
    Logins logins;

    @Inject
    ClientAddress clients;

    @Override
    protected void route(HttpServletRequest request, HttpServletResponse response, List<String> parts, boolean post, Ui ui)
            throws IOException {
        if (parts.isEmpty()) {
            // the first page is the translation feature's (WorkspaceHome); reaching here is a mapping mistake
            throw WorkspacePages.notFound(ui);
        }
        switch (parts.get(0)) {
            case "login" -> {
                if (post) {
                    login(request, response, ui);
                } else {
                    pages.render(request, response, ui, "site/boundary/login.jte", Map.of("message", ""), 200);
                }
            }
            case "logout" -> {
                // only the layout's POST form logs out: a link or an image elsewhere must not
                if (!post) {
                    throw new Refused(405, ui.t("error.method"));
                }
                logout(request, response);
            }
            default -> throw WorkspacePages.notFound(ui);
        }
    }

    private void login(HttpServletRequest request, HttpServletResponse response, Ui ui) throws IOException {
        String username = Optional.ofNullable(request.getParameter("username")).orElse("").strip();
        String password = Optional.ofNullable(request.getParameter("password")).orElse("");
        try {
            Optional<CredentialValidationResult> result = username.isEmpty() || username.length() > 64 || password.length() > 200
                    ? Optional.empty() : logins.attempt(username, password, clients.of(request));
            if (result.isEmpty()) {
                pages.render(request, response, ui, "site/boundary/login.jte", Map.of("message", ui.t("workspace.login-failed")), 401);
                return;
            }
            logins.openSession(request, result.get().getCallerPrincipal().getName());
            HtmlResponses.redirect(response, 303, WorkspacePages.ROOT + "/");
        } catch (LoginRefusedException e) {
            long seconds = RetryAfter.seconds(e.retryAfter());
            response.setHeader("Retry-After", Long.toString(seconds));
            pages.render(request, response, ui, "site/boundary/login.jte", Map.of("message", ui.t("workspace.login-wait", "seconds", seconds)), 429);
        }
    }

    private void logout(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        HtmlResponses.redirect(response, 303, WorkspacePages.ROOT + "/login");
    }
}
