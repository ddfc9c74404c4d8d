package org.internationale.translation.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Caller;
import org.internationale.identity.entity.Role;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.site.boundary.HtmlResponses;
import org.internationale.site.boundary.WorkspacePages;
import org.internationale.site.boundary.WorkspacePages.Refused;
import org.internationale.site.boundary.WorkspaceServlet;
import org.internationale.site.control.Ui;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.entity.PoCatalog;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.SegmentKey;
import org.internationale.text.entity.StaleRevisionException;
import org.internationale.translation.control.TranslationExchange;
import org.internationale.translation.control.TranslationImport;
import org.internationale.translation.control.TranslationProgress;
import org.internationale.translation.control.TranslationWorkflow;
import org.internationale.translation.entity.ImportReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The translators' and reviewers' pages: a language's progress ({@code /workspace/translations/{lang}}), its PO and
 * XLIFF export and import, and the desk of one text ({@code /workspace/translations/{lang}/{segment}}) with its
 * actions save, submit, approve, send back and restore.
 */
@WebServlet("/workspace/translations/*")
public class TranslatorDesk extends WorkspaceServlet {

    @Inject
    LanguageRegistry languages;

    @Inject
    Permissions permissions;

    @Inject
    SegmentStore segments;

    @Inject
    TranslationWorkflow workflow;

    @Inject
    TranslationProgress progress;

    @Inject
    TranslationExchange exchange;

    @Inject
    TranslationImport imports;

    /** @param parts {@code [translations, {lang}, …]} */
    @Override
    protected void route(HttpServletRequest request, HttpServletResponse response, List<String> parts, boolean post, Ui ui)
            throws IOException {
        if (parts.size() < 2) {
            throw WorkspacePages.notFound(ui);
        }
        LanguageTag language = LanguageTag.of(parts.get(1));
        if (!languages.offers(language) || language.equals(languages.source())) {
            throw WorkspacePages.notFound(ui);
        }
        String rest = parts.size() > 2 ? parts.get(2) : "";
        if (parts.size() == 2 && !post) {
            permissions.requireReader(language.value());
            pages.render(request, response, ui, "translation/boundary/language.jte", Map.of("language", language.value(),
                    "progress", progress.of(language), "report", Optional.empty(), "mayTranslate",
                    permissions.caller().has(Role.TRANSLATOR, language.value())), 200);
        } else if (parts.size() == 3 && rest.equals("export.po") && !post) {
            permissions.requireReader(language.value());
            download(response, exchange.po(language, languages.source()), TranslationExchange.PO_TYPE, "internationale-" + language + ".po");
        } else if (parts.size() == 3 && rest.equals("export.xlf") && !post) {
            permissions.requireReader(language.value());
            download(response, exchange.xliff(language, languages.source()), TranslationExchange.XLIFF_TYPE, "internationale-" + language + ".xlf");
        } else if (parts.size() == 3 && rest.equals("import") && post) {
            importFile(request, response, ui, language);
        } else if (parts.size() == 3 && !post) {
            desk(request, response, ui, language, segment(rest, ui), Map.of(), 200);
        } else if (parts.size() == 3) {
            act(request, response, ui, language, segment(rest, ui));
        } else {
            throw WorkspacePages.notFound(ui);
        }
    }

    private Segment segment(String id, Ui ui) {
        try {
            return segments.find(new SegmentKey(id)).orElseThrow(() -> WorkspacePages.notFound(ui));
        } catch (IllegalArgumentException e) {
            throw WorkspacePages.notFound(ui);
        }
    }

    private void desk(HttpServletRequest request, HttpServletResponse response, Ui ui, LanguageTag language, Segment segment,
                      Map<String, Object> extra, int status) throws IOException {
        Caller caller = permissions.requireReader(language.value());
        Map<String, Object> model = new HashMap<>(extra);
        model.put("desk", workflow.view(segment, language, caller));
        model.putIfAbsent("draft", null);
        model.putIfAbsent("flash", WorkspacePages.flash(request, ui));
        pages.render(request, response, ui, "translation/boundary/translate.jte", model, status);
    }

    private void act(HttpServletRequest request, HttpServletResponse response, Ui ui, LanguageTag language, Segment segment)
            throws IOException {
        String action = Optional.ofNullable(request.getParameter("action")).orElse("");
        int revision = WorkspacePages.integer(request.getParameter("revision"), ui);
        String done;
        switch (action) {
            case "save" -> {
                String author = permissions.require(Role.TRANSLATOR, language.value()).username();
                String text = Optional.ofNullable(request.getParameter("text")).orElse("").strip();
                if (text.isEmpty() || text.length() > TranslationWorkflow.MAX_TEXT) {
                    throw new Refused(400, ui.t(text.isEmpty() ? "form.required" : "form.too-long", "max", TranslationWorkflow.MAX_TEXT));
                }
                String message = Optional.ofNullable(request.getParameter("message")).orElse("").strip();
                if (message.length() > TranslationWorkflow.MAX_MESSAGE) {
                    throw new Refused(400, ui.t("form.too-long", "max", TranslationWorkflow.MAX_MESSAGE));
                }
                try {
                    workflow.save(segment, language, text, revision, null, null, author, message.isEmpty() ? null : message);
                } catch (StaleRevisionException e) {
                    // someone saved in between: show their text and keep the one typed here, nothing stored
                    desk(request, response, ui, language, segment, Map.of("draft", text, "flash", ui.t("workspace.conflict")), 409);
                    return;
                }
                done = "saved";
            }
            case "submit" -> {
                permissions.require(Role.TRANSLATOR, language.value());
                workflow.submit(segment.key(), language, revision);
                done = "submitted";
            }
            case "approve" -> {
                String reviewer = permissions.require(Role.REVIEWER, language.value()).username();
                workflow.approve(segment.key(), language, revision, reviewer);
                done = "approved";
            }
            case "send-back" -> {
                String reviewer = permissions.require(Role.REVIEWER, language.value()).username();
                String comment = Optional.ofNullable(request.getParameter("comment")).orElse("").strip();
                if (comment.isEmpty() || comment.length() > TranslationWorkflow.MAX_COMMENT) {
                    throw new Refused(400, ui.t("workspace.comment-required"));
                }
                workflow.sendBack(segment.key(), language, revision, reviewer, comment);
                done = "sent-back";
            }
            case "restore" -> {
                String author = permissions.require(Role.TRANSLATOR, language.value()).username();
                int base = WorkspacePages.integer(request.getParameter("baseRevision"), ui);
                workflow.restore(segment.key(), language, revision, base, author);
                done = "restored";
            }
            default -> throw new Refused(400, ui.t("error.method"));
        }
        HtmlResponses.redirect(response, 303, WorkspacePages.ROOT + "/translations/" + language + "/" + segment.key().value() + "?done=" + done);
    }

    private void importFile(HttpServletRequest request, HttpServletResponse response, Ui ui, LanguageTag language) throws IOException {
        String author = permissions.require(Role.TRANSLATOR, language.value()).username();
        String text = Optional.ofNullable(request.getParameter("file")).orElse("");
        if (text.isBlank()) {
            throw new Refused(400, ui.t("workspace.import-empty"));
        }
        ImportReport report;
        try {
            PoCatalog catalog = TranslationExchange.read(text);
            report = imports.applyExchange(language, catalog, author);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, ui.t("workspace.import-unreadable", "reason", String.valueOf(e.getMessage())));
        }
        pages.render(request, response, ui, "translation/boundary/language.jte", Map.of("language", language.value(), "progress", progress.of(language),
                "report", Optional.of(report), "mayTranslate", true), 200);
    }

    private static void download(HttpServletResponse response, String body, String type, String filename) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(type + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
