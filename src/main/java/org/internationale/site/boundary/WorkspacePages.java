package org.internationale.site.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import org.internationale.identity.control.ApiAuthentication;
import org.internationale.locale.control.LanguageNegotiator;
import org.internationale.locale.entity.IllFormedLanguageTagException;
import org.internationale.locale.entity.Negotiated;
import org.internationale.site.control.Templates;
import org.internationale.site.control.Ui;
import org.internationale.site.control.UiStrings;
import org.internationale.text.entity.StaleRevisionException;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every workspace servlet does around its own pages: the address split into parts after {@code /workspace}, the
 * interface in the browser's language with the session's user and CSRF token, rendering a template, the message page
 * for refusals and failures. Every POST is audited by the audit feature's filter; the CSRF token is checked by
 * {@link ApiAuthentication} before any servlet runs.
 * <p>
 * Composed into each servlet (injected) rather than inherited from an abstract servlet: a desk stays a plain
 * {@code HttpServlet} whose fields say which features it calls, and it hands its router to {@link #serve} — so what is
 * shared is one visible call, not hooks of a superclass.
 */
@Dependent
public class WorkspacePages {

    private static final Logger LOG = Logger.getLogger(WorkspacePages.class.getName());
    public static final String ROOT = "/workspace";

    @Inject
    LanguageNegotiator negotiator;

    @Inject
    UiStrings strings;

    @Inject
    Templates templates;

    /** A refusal shown as a page with a status: a form the caller should correct, or a missing permission. */
    public static final class Refused extends RuntimeException {
        final int status;

        public Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** One servlet's router: the parts of the address after {@code /workspace} ({@code [translations, es, 1.2]}). */
    @FunctionalInterface
    public interface Router {
        void route(HttpServletRequest request, HttpServletResponse response, List<String> parts, boolean post, Ui ui) throws IOException;
    }

    /** Runs a router and turns what it throws into a page. */
    void serve(HttpServletRequest request, HttpServletResponse response, boolean post, Router router) throws IOException {
        String path = path(request);
        List<String> parts = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
        Ui ui = ui(request);
        try {
            router.route(request, response, parts, post, ui);
        } catch (NotAuthorizedException e) {
            HtmlResponses.redirect(response, 303, ROOT + "/login");
        } catch (ForbiddenException e) {
            // the permission check says which role or language grant is missing, in English, for an administrator
            render(request, response, ui, "site/boundary/message.jte", Map.of("status", 403, "message", ui.t("workspace.forbidden"),
                    "detail", e.getMessage()), 403);
        } catch (Refused e) {
            page(request, response, ui(request), e.status, e.getMessage());
        } catch (StaleRevisionException e) {
            page(request, response, ui(request), 409, ui.t("workspace.conflict"));
        } catch (IllFormedLanguageTagException | NumberFormatException e) {
            page(request, response, ui(request), 404, ui.t("error.not-found"));
        } catch (RuntimeException e) {
            String reference = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
            LOG.log(Level.SEVERE, "Workspace page " + path + " failed (reference " + reference + ")", e);
            page(request, response, ui(request), 500, ui.t("error.failed", "reference", reference));
        }
    }

    /**
     * The address after {@code /workspace}, whichever servlet's mapping matched: each desk is mapped to its own prefix
     * ({@code /workspace/translations/*}), which the container moves from the path info into the servlet path, so both
     * are joined again — every desk then routes on the same parts the one workspace servlet had.
     */
    static String path(HttpServletRequest request) {
        String full = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String rest = full.startsWith(ROOT) ? full.substring(ROOT.length()) : full;
        return rest.isEmpty() ? "/" : rest;
    }

    /** The workspace speaks the language of the browser, from the interface texts of {@code ui.po}. */
    Ui ui(HttpServletRequest request) {
        Negotiated negotiated = negotiator.negotiate(null, request.getHeader("Accept-Language"));
        HttpSession session = request.getSession(false);
        Object csrf = session == null ? null : session.getAttribute(ApiAuthentication.SESSION_CSRF);
        Object user = session == null ? null : session.getAttribute(ApiAuthentication.SESSION_USER);
        return new Ui(negotiated.language(), strings, "/", "", List.of(), user instanceof String name ? name : null,
                csrf instanceof String token ? token : null);
    }

    /** The note shown after a redirect back ({@code ?done=…}), or nothing. */
    public static String flash(HttpServletRequest request, Ui ui) {
        return request.getParameter("done") == null ? "" : ui.t("workspace.done");
    }

    /** A whole number from a hidden form field (a revision); anything else is a form this site did not send. */
    public static int integer(String value, Ui ui) {
        try {
            return Integer.parseInt(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new Refused(400, ui.t("error.method"));
        }
    }

    public static Refused notFound(Ui ui) {
        return new Refused(404, ui.t("error.not-found"));
    }

    public void page(HttpServletRequest request, HttpServletResponse response, Ui ui, int status, String message) throws IOException {
        render(request, response, ui, "site/boundary/message.jte", Map.of("status", status, "message", message, "detail", ""), status);
    }

    public void render(HttpServletRequest request, HttpServletResponse response, Ui ui, String template, Map<String, Object> model,
                int status) throws IOException {
        Map<String, Object> parameters = new HashMap<>(model);
        parameters.put("ui", ui);
        HtmlResponses.send(request, response, status, ui.lang(), templates.render(template, parameters), false);
    }
}
