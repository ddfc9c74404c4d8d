package org.internationale.publishing.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.publishing.control.DocumentEditor;
import org.internationale.publishing.control.DocumentForms;
import org.internationale.publishing.control.Publisher;
import org.internationale.publishing.control.SignatureWorkflow;
import org.internationale.publishing.entity.Document;
import org.internationale.publishing.entity.DocumentType;
import org.internationale.publishing.entity.Signature;
import org.internationale.site.boundary.HtmlResponses;
import org.internationale.site.boundary.WorkspacePages;
import org.internationale.site.boundary.WorkspacePages.Refused;
import org.internationale.site.boundary.WorkspaceServlet;
import org.internationale.site.control.Ui;
import org.internationale.text.control.MarkdownRenderer;
import org.internationale.text.entity.ChangeKind;
import org.internationale.text.entity.StaleRevisionException;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The editors' documents ({@code /workspace/documents}): the list, a new document, and the editor of one document
 * with save, preview, review, publish (now, scheduled, or coordinated across languages) and unpublish; for a
 * statement, the moderation of its signatures. The form's checks are {@link DocumentForms}', the same rules as the
 * JSON API's.
 */
@WebServlet("/workspace/documents/*")
public class DocumentDesk extends WorkspaceServlet {

    @Inject
    LanguageRegistry languages;

    @Inject
    Permissions permissions;

    @Inject
    MarkdownRenderer markdown;

    @Inject
    DocumentEditor documents;

    @Inject
    DocumentForms forms;

    @Inject
    Publisher publisher;

    @Inject
    SignatureWorkflow signatures;

    /** @param parts {@code [documents, …]} */
    @Override
    protected void route(HttpServletRequest request, HttpServletResponse response, List<String> parts, boolean post, Ui ui)
            throws IOException {
        documents(request, response, parts, post, ui);
    }

    private void documents(HttpServletRequest request, HttpServletResponse response, List<String> parts, boolean post, Ui ui)
            throws IOException {
        String author = permissions.requireAny(Role.EDITOR).username();
        if (parts.size() == 1 && !post) {
            pages.render(request, response, ui, "publishing/boundary/documents.jte", Map.of("documents", documents.all()), 200);
        } else if (parts.size() == 1) {
            create(request, response, ui, author);
        } else if (parts.size() == 2 && parts.get(1).equals("new") && !post) {
            editorPage(request, response, ui, null, Map.of(), Map.of(), 200);
        } else if (parts.size() == 2) {
            long id = Long.parseLong(parts.get(1));
            Document document = documents.find(id).orElseThrow(() -> WorkspacePages.notFound(ui));
            if (post) {
                documentAction(request, response, ui, document, author);
            } else {
                editorPage(request, response, ui, document, Map.of(), Map.of(), 200);
            }
        } else if (parts.size() == 4 && parts.get(2).equals("signatures") && post) {
            long id = Long.parseLong(parts.get(1));
            long signature = Long.parseLong(parts.get(3));
            Signature.Moderation decision = "approve".equals(request.getParameter("action")) ? Signature.Moderation.APPROVED
                    : Signature.Moderation.REJECTED;
            signatures.moderate(id, signature, decision, author).orElseThrow(() -> WorkspacePages.notFound(ui));
            HtmlResponses.redirect(response, 303, WorkspacePages.ROOT + "/documents/" + id + "?done=moderated#signatures");
        } else {
            throw WorkspacePages.notFound(ui);
        }
    }

    private void editorPage(HttpServletRequest request, HttpServletResponse response, Ui ui, Document document, Map<String, String> form,
                            Map<String, String> errors, int status) throws IOException {
        Map<String, String> values = new HashMap<>(forms.values(document));
        values.putAll(form);
        Map<String, Object> model = new HashMap<>();
        model.put("document", Optional.ofNullable(document));
        model.put("form", values);
        model.put("errors", errors);
        model.put("preview", markdown.html(values.getOrDefault("body", "")));
        model.put("languages", languages.languages().stream().map(l -> l.tag().value()).toList());
        model.put("signatures", document == null || document.type() != DocumentType.STATEMENT ? List.of() : signatures.of(document.id()));
        model.put("flash", WorkspacePages.flash(request, ui));
        pages.render(request, response, ui, "publishing/boundary/editor.jte", model, status);
    }

    private static Map<String, String> documentForm(HttpServletRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : DocumentForms.FIELDS) {
            form.put(field, Optional.ofNullable(request.getParameter(field)).orElse("").strip());
        }
        return form;
    }

    private static DocumentEditor.Texts texts(Map<String, String> form) {
        return new DocumentEditor.Texts(form.get("title"), form.get("summary"), form.get("body"));
    }

    private void create(HttpServletRequest request, HttpServletResponse response, Ui ui, String author) throws IOException {
        Map<String, String> form = documentForm(request);
        Map<String, String> errors = forms.errors(form, ui, true);
        DocumentType type;
        LanguageTag language;
        try {
            type = DocumentType.parse(form.get("type"));
            language = LanguageTag.of(form.get("language"));
        } catch (IllegalArgumentException e) {
            throw new Refused(400, ui.t("error.method"));
        }
        if (!languages.offers(language)) {
            throw new Refused(400, ui.t("error.not-found"));
        }
        if (!errors.isEmpty() || "preview".equals(request.getParameter("action"))) {
            editorPage(request, response, ui, null, form, errors, errors.isEmpty() ? 200 : 400);
            return;
        }
        Document document = documents.create(type, language, form.get("slug").isEmpty() ? null : form.get("slug"), texts(form),
                DocumentForms.demands(form), author);
        HtmlResponses.redirect(response, 303, WorkspacePages.ROOT + "/documents/" + document.id() + "?done=created");
    }

    private void documentAction(HttpServletRequest request, HttpServletResponse response, Ui ui, Document document, String author)
            throws IOException {
        String action = Optional.ofNullable(request.getParameter("action")).orElse("");
        long id = document.id();
        switch (action) {
            case "save", "preview" -> {
                Map<String, String> form = documentForm(request);
                Map<String, String> errors = forms.errors(form, ui, false);
                if (!errors.isEmpty() || action.equals("preview")) {
                    editorPage(request, response, ui, document, form, errors, errors.isEmpty() ? 200 : 400);
                    return;
                }
                ChangeKind kind;
                try {
                    kind = ChangeKind.parse(form.get("changeKind"));
                } catch (IllegalArgumentException e) {
                    editorPage(request, response, ui, document, form, Map.of("changeKind", ui.t("form.required")), 400);
                    return;
                }
                try {
                    documents.update(id, WorkspacePages.integer(form.get("baseRevision"), ui), texts(form), DocumentForms.demands(form),
                            kind, form.get("message").isEmpty() ? null : form.get("message"), author);
                } catch (StaleRevisionException e) {
                    editorPage(request, response, ui, documents.find(id).orElseThrow(), form, Map.of("body", ui.t("workspace.conflict")), 409);
                    return;
                }
            }
            case "review" -> publisher.toReview(id);
            case "publish" -> {
                Set<String> coordinated = forms.coordinatedLanguages(request.getParameterValues("languages"), document)
                        .orElseThrow(() -> new Refused(400, ui.t("error.not-found")));
                publisher.publish(id, coordinated, schedule(request.getParameter("at"), ui));
            }
            case "unpublish" -> publisher.unpublish(id);
            default -> throw new Refused(400, ui.t("error.method"));
        }
        HtmlResponses.redirect(response, 303, WorkspacePages.ROOT + "/documents/" + id + "?done=" + action);
    }

    private static Instant schedule(String value, Ui ui) {
        try {
            return DocumentForms.schedule(value);
        } catch (DateTimeParseException e) {
            throw new Refused(400, ui.t("workspace.bad-date"));
        }
    }

}
