package org.internationale.web.boundary;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import org.internationale.audit.control.AuditLog;
import org.internationale.demands.control.Demands;
import org.internationale.demands.entity.DemandStatus;
import org.internationale.identity.control.ApiAuthentication;
import org.internationale.identity.control.Logins;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Caller;
import org.internationale.identity.entity.LoginRefusedException;
import org.internationale.identity.entity.Role;
import org.internationale.locale.control.LanguageNegotiator;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.IllFormedLanguageTagException;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.locale.entity.Negotiated;
import org.internationale.mailing.control.DeliveryLedger;
import org.internationale.mailing.entity.DeliveryCounts;
import org.internationale.mailing.entity.DeliveryState;
import org.internationale.newsletter.control.CampaignDispatcher;
import org.internationale.newsletter.control.Campaigns;
import org.internationale.newsletter.control.NewsletterItems;
import org.internationale.newsletter.control.NewsletterRenderer;
import org.internationale.newsletter.entity.Campaign;
import org.internationale.newsletter.entity.Variant;
import org.internationale.platform.control.Editions;
import org.internationale.subscribers.control.Topics;
import org.internationale.system.control.PublicAddress;
import org.internationale.publishing.control.DocumentEditor;
import org.internationale.publishing.control.Publisher;
import org.internationale.publishing.entity.Document;
import org.internationale.publishing.entity.DocumentType;
import org.internationale.statements.control.Signatures;
import org.internationale.statements.entity.Signature;
import org.internationale.text.control.MarkdownRenderer;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.control.WordDiff;
import org.internationale.text.entity.ChangeKind;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.SegmentKey;
import org.internationale.text.entity.StaleRevisionException;
import org.internationale.text.entity.Translation;
import org.internationale.text.entity.TranslationRevision;
import org.internationale.translation.control.Glossary;
import org.internationale.translation.control.PoReader;
import org.internationale.translation.control.TranslationChecks;
import org.internationale.translation.control.TranslationExchange;
import org.internationale.translation.control.TranslationImport;
import org.internationale.translation.control.TranslationMemory;
import org.internationale.translation.control.TranslationProgress;
import org.internationale.translation.control.TranslationWorkflow;
import org.internationale.translation.control.UiStrings;
import org.internationale.translation.entity.ImportReport;
import org.internationale.translation.entity.PoCatalog;
import org.internationale.translation.entity.Progress;
import org.internationale.web.control.Templates;
import org.internationale.web.control.Ui;
import org.internationale.web.entity.TranslationDesk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The workspace of translators, reviewers and editors, behind the session login ({@code /workspace/login}).
 * Every page is a plain HTML form: POST, then a redirect back (303), with the session's CSRF token as the {@code _csrf}
 * field, which {@link ApiAuthentication} checks before this servlet runs. What a caller may do is asked of
 * {@link Permissions}, as the JSON API does; every change is written to the audit log.
 */
@WebServlet("/workspace/*")
public class WorkspaceSite extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(WorkspaceSite.class.getName());

    @Inject
    LanguageRegistry languages;

    @Inject
    LanguageNegotiator negotiator;

    @Inject
    UiStrings strings;

    @Inject
    Templates templates;

    @Inject
    Logins logins;

    @Inject
    Permissions permissions;

    @Inject
    AuditLog audit;

    @Inject
    SegmentStore segments;

    @Inject
    TranslationWorkflow workflow;

    @Inject
    TranslationProgress progress;

    @Inject
    TranslationMemory memory;

    @Inject
    Glossary glossary;

    @Inject
    TranslationExchange exchange;

    @Inject
    TranslationImport imports;

    @Inject
    MarkdownRenderer markdown;

    @Inject
    DocumentEditor documents;

    @Inject
    Publisher publisher;

    @Inject
    Signatures signatures;

    @Inject
    Demands demands;

    @Inject
    Editions editions;

    @Inject
    NewsletterItems newsletterItems;

    @Inject
    NewsletterRenderer newsletterRenderer;

    @Inject
    Campaigns campaigns;

    @Inject
    CampaignDispatcher dispatcher;

    @Inject
    DeliveryLedger ledger;

    @Inject
    Topics topics;

    @Inject
    PublicAddress publicAddress;

    /** A refusal shown as a page with a status: a form the caller should correct, or a missing permission. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, true);
        Object actor = request.getUserPrincipal() != null ? request.getUserPrincipal().getName() : request.getAttribute(ApiAuthentication.ACTOR);
        audit.record(actor instanceof String name ? name : null, "POST", request.getRequestURI(), response.getStatus(),
                request.getRemoteAddr(), null);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, boolean post) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        List<String> parts = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
        Ui ui = ui(request);
        try {
            if (parts.isEmpty() && !post) {
                dashboard(request, response, ui);
                return;
            }
            if (parts.isEmpty()) {
                throw new Refused(405, ui.t("error.method"));
            }
            switch (parts.get(0)) {
                case "login" -> {
                    if (post) {
                        login(request, response, ui);
                    } else {
                        render(request, response, ui, "workspace/login.jte", Map.of("message", ""), 200);
                    }
                }
                case "logout" -> logout(request, response);
                case "translations" -> translations(request, response, parts, post);
                case "documents" -> documents(request, response, parts, post);
                case "demands" -> demandsPage(request, response, post);
                case "editions" -> editionsPage(request, response, post);
                case "newsletters" -> newsletters(request, response, parts, post);
                case "campaigns" -> campaignPage(request, response, parts, post);
                default -> throw new Refused(404, ui.t("error.not-found"));
            }
        } catch (NotAuthorizedException e) {
            HtmlResponses.redirect(response, 303, "/workspace/login");
        } catch (ForbiddenException e) {
            // the permission check says which role or language grant is missing, in English, for an administrator
            render(request, response, ui, "workspace/message.jte", Map.of("status", 403, "message", ui.t("workspace.forbidden"),
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

    /** The workspace speaks the language of the browser, from the interface texts of {@code ui.po}. */
    private Ui ui(HttpServletRequest request) {
        Negotiated negotiated = negotiator.negotiate(null, request.getHeader("Accept-Language"));
        HttpSession session = request.getSession(false);
        Object csrf = session == null ? null : session.getAttribute(ApiAuthentication.SESSION_CSRF);
        Object user = session == null ? null : session.getAttribute(ApiAuthentication.SESSION_USER);
        return new Ui(negotiated.language(), strings, "/", "", List.of(), user instanceof String name ? name : null,
                csrf instanceof String token ? token : null);
    }

    // ——— login ———

    private void login(HttpServletRequest request, HttpServletResponse response, Ui ui) throws IOException {
        String username = Optional.ofNullable(request.getParameter("username")).orElse("").strip();
        String password = Optional.ofNullable(request.getParameter("password")).orElse("");
        try {
            Optional<CredentialValidationResult> result = username.isEmpty() || username.length() > 64 || password.length() > 200
                    ? Optional.empty() : logins.attempt(username, password, request.getRemoteAddr());
            if (result.isEmpty()) {
                render(request, response, ui, "workspace/login.jte", Map.of("message", ui.t("workspace.login-failed")), 401);
                return;
            }
            logins.openSession(request, result.get().getCallerPrincipal().getName());
            HtmlResponses.redirect(response, 303, "/workspace/");
        } catch (LoginRefusedException e) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, LoginRefusedException.seconds(e.retryAfter()))));
            render(request, response, ui, "workspace/login.jte", Map.of("message", ui.t("workspace.login-wait",
                    "seconds", Math.max(1, LoginRefusedException.seconds(e.retryAfter())))), 429);
        }
    }

    private void logout(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        HtmlResponses.redirect(response, 303, "/workspace/login");
    }

    // ——— dashboard ———

    private void dashboard(HttpServletRequest request, HttpServletResponse response, Ui ui) throws IOException {
        Caller caller = permissions.caller();
        Map<String, Progress> progressByLanguage = new LinkedHashMap<>();
        if (caller.has(Role.TRANSLATOR) || caller.has(Role.REVIEWER)) {
            caller.languages().stream().sorted().map(LanguageTag::of).filter(languages::offers)
                    .filter(l -> !l.equals(languages.source()))
                    .forEach(l -> progressByLanguage.put(l.value(), progress.of(l)));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("caller", caller);
        model.put("progress", progressByLanguage);
        model.put("offered", languages.languages().stream().map(l -> l.tag().value()).filter(t -> !t.equals(languages.source().value())).toList());
        render(request, response, ui, "workspace/dashboard.jte", model, 200);
    }

    // ——— translations ———

    private void translations(HttpServletRequest request, HttpServletResponse response, List<String> parts, boolean post) throws IOException {
        Ui ui = ui(request);
        if (parts.size() < 2) {
            throw new Refused(404, ui.t("error.not-found"));
        }
        LanguageTag language = LanguageTag.of(parts.get(1));
        if (!languages.offers(language) || language.equals(languages.source())) {
            throw new Refused(404, ui.t("error.not-found"));
        }
        String rest = parts.size() > 2 ? parts.get(2) : "";
        if (parts.size() == 2 && !post) {
            readerOf(language);
            render(request, response, ui, "workspace/language.jte", Map.of("language", language.value(),
                    "progress", progress.of(language), "report", Optional.empty(), "mayTranslate",
                    permissions.caller().has(Role.TRANSLATOR, language.value())), 200);
        } else if (parts.size() == 3 && rest.equals("export.po") && !post) {
            readerOf(language);
            download(response, exchange.po(language, languages.source()), "text/x-gettext-translation", "internationale-" + language + ".po");
        } else if (parts.size() == 3 && rest.equals("export.xlf") && !post) {
            readerOf(language);
            download(response, exchange.xliff(language, languages.source()), "application/xliff+xml", "internationale-" + language + ".xlf");
        } else if (parts.size() == 3 && rest.equals("import") && post) {
            importFile(request, response, ui, language);
        } else if (parts.size() == 3 && !post) {
            desk(request, response, ui, language, segment(rest, ui), Map.of(), 200);
        } else if (parts.size() == 3) {
            act(request, response, ui, language, segment(rest, ui));
        } else {
            throw new Refused(404, ui.t("error.not-found"));
        }
    }

    private Caller readerOf(LanguageTag language) {
        Caller caller = permissions.caller();
        if (caller.has(Role.EDITOR) || caller.has(Role.TRANSLATOR, language.value()) || caller.has(Role.REVIEWER, language.value())) {
            return caller;
        }
        return permissions.require(Role.TRANSLATOR, language.value());
    }

    private Segment segment(String id, Ui ui) {
        try {
            return segments.find(new SegmentKey(id)).orElseThrow(() -> new Refused(404, ui.t("error.not-found")));
        } catch (IllegalArgumentException e) {
            throw new Refused(404, ui.t("error.not-found"));
        }
    }

    private void desk(HttpServletRequest request, HttpServletResponse response, Ui ui, LanguageTag language, Segment segment,
                      Map<String, Object> extra, int status) throws IOException {
        Caller caller = readerOf(language);
        Segment current = segments.find(segment.key()).orElseThrow();
        Optional<Translation> translation = workflow.translation(current, language).filter(t -> !t.revisions().isEmpty());
        var latestSource = current.latest();
        Integer basedOn = translation.map(t -> t.latest().basedOnRevision()).orElse(null);
        String basedOnText = basedOn == null ? null : current.revision(basedOn).map(r -> r.text()).orElse(null);
        var changes = basedOnText == null || basedOn == latestSource.number() ? List.<org.internationale.text.entity.DiffRun>of()
                : WordDiff.diff(basedOnText, latestSource.text(), current.sourceLanguage());
        String text = translation.map(t -> t.latest().text()).orElse("");
        var terms = glossary.of(language);
        var warnings = translation.isEmpty() ? List.<org.internationale.translation.entity.QaWarning>of()
                : TranslationChecks.check(latestSource.text(), text, language, terms);
        String folded = latestSource.text().toLowerCase(java.util.Locale.ROOT);
        var relevant = terms.stream().filter(t -> folded.contains(t.sourceTerm().toLowerCase(java.util.Locale.ROOT))).toList();
        List<TranslationRevision> history = new ArrayList<>(translation.map(Translation::revisions).orElse(List.of()));
        history.sort((a, b) -> Integer.compare(b.number(), a.number()));
        TranslationDesk desk = new TranslationDesk(current.key().value(), language.value(), current.sourceLanguage().value(),
                TranslationProgress.state(current, translation.orElse(null)), translation.map(t -> t.reviewState().label()).orElse(null),
                translation.flatMap(Translation::reviewComment).orElse(null), latestSource.number(), latestSource.text(),
                markdown.html(latestSource.text()), basedOn, changes, text, translation.map(t -> t.latest().number()).orElse(0),
                warnings, relevant, memory.suggest(latestSource.text(), current.sourceLanguage(), language, 5), history,
                caller.has(Role.TRANSLATOR, language.value()), caller.has(Role.REVIEWER, language.value()));
        Map<String, Object> model = new HashMap<>(extra);
        model.put("desk", desk);
        model.putIfAbsent("draft", null);
        model.putIfAbsent("flash", request.getParameter("done") == null ? "" : ui.t("workspace.done"));
        render(request, response, ui, "workspace/translate.jte", model, status);
    }

    private void act(HttpServletRequest request, HttpServletResponse response, Ui ui, LanguageTag language, Segment segment)
            throws IOException {
        String action = Optional.ofNullable(request.getParameter("action")).orElse("");
        int revision = integer(request.getParameter("revision"), ui);
        String done;
        switch (action) {
            case "save" -> {
                String author = permissions.require(Role.TRANSLATOR, language.value()).username();
                String text = Optional.ofNullable(request.getParameter("text")).orElse("").strip();
                if (text.isEmpty() || text.length() > 20_000) {
                    throw new Refused(400, ui.t(text.isEmpty() ? "form.required" : "form.too-long", "max", 20_000));
                }
                try {
                    workflow.save(segment, language, text, revision, null, null, author,
                            Optional.ofNullable(request.getParameter("message")).map(String::strip).filter(m -> !m.isEmpty()).orElse(null));
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
                if (comment.isEmpty() || comment.length() > 2000) {
                    throw new Refused(400, ui.t("workspace.comment-required"));
                }
                workflow.sendBack(segment.key(), language, revision, reviewer, comment);
                done = "sent-back";
            }
            case "restore" -> {
                String author = permissions.require(Role.TRANSLATOR, language.value()).username();
                int base = integer(request.getParameter("baseRevision"), ui);
                workflow.restore(segment.key(), language, revision, base, author);
                done = "restored";
            }
            default -> throw new Refused(400, ui.t("error.method"));
        }
        HtmlResponses.redirect(response, 303, "/workspace/translations/" + language + "/" + segment.key().value() + "?done=" + done);
    }

    private void importFile(HttpServletRequest request, HttpServletResponse response, Ui ui, LanguageTag language) throws IOException {
        String author = permissions.require(Role.TRANSLATOR, language.value()).username();
        String text = Optional.ofNullable(request.getParameter("file")).orElse("");
        ImportReport report;
        int status = 200;
        if (text.isBlank()) {
            throw new Refused(400, ui.t("workspace.import-empty"));
        }
        try {
            PoCatalog catalog = text.stripLeading().startsWith("<") ? TranslationExchange.readXliff(text) : PoReader.read(text);
            report = imports.applyExchange(language, catalog, author);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, ui.t("workspace.import-unreadable", "reason", String.valueOf(e.getMessage())));
        }
        render(request, response, ui, "workspace/language.jte", Map.of("language", language.value(), "progress", progress.of(language),
                "report", Optional.of(report), "mayTranslate", true), status);
    }

    private static void download(HttpServletResponse response, String body, String type, String filename) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(type + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    // ——— documents ———

    private void documents(HttpServletRequest request, HttpServletResponse response, List<String> parts, boolean post) throws IOException {
        Ui ui = ui(request);
        String author = permissions.requireAny(Role.EDITOR).username();
        if (parts.size() == 1 && !post) {
            render(request, response, ui, "workspace/documents.jte", Map.of("documents", documents.all()), 200);
        } else if (parts.size() == 1) {
            create(request, response, ui, author);
        } else if (parts.size() == 2 && parts.get(1).equals("new") && !post) {
            editorPage(request, response, ui, null, Map.of(), Map.of(), 200);
        } else if (parts.size() == 2) {
            long id = Long.parseLong(parts.get(1));
            Document document = documents.find(id).orElseThrow(() -> new Refused(404, ui.t("error.not-found")));
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
            signatures.moderate(id, signature, decision, author).orElseThrow(() -> new Refused(404, ui.t("error.not-found")));
            HtmlResponses.redirect(response, 303, "/workspace/documents/" + id + "?done=moderated#signatures");
        } else {
            throw new Refused(404, ui.t("error.not-found"));
        }
    }

    /** The texts of a document as its source language has them now. */
    private Map<String, String> texts(Document document) {
        Map<SegmentKey, Segment> found = segments.findAll(document.keys());
        Map<String, String> texts = new HashMap<>();
        texts.put("title", found.get(document.titleKey()).latest().text());
        texts.put("summary", found.get(document.summaryKey()).latest().text());
        texts.put("body", found.get(document.bodyKey()).latest().text());
        texts.put("demands", String.join("\n", document.demands().stream().sorted().toList()));
        return texts;
    }

    private void editorPage(HttpServletRequest request, HttpServletResponse response, Ui ui, Document document, Map<String, String> form,
                            Map<String, String> errors, int status) throws IOException {
        Map<String, String> values = new HashMap<>(document == null ? Map.of("type", "update", "language", languages.source().value())
                : texts(document));
        values.putAll(form);
        Map<String, Object> model = new HashMap<>();
        model.put("document", Optional.ofNullable(document));
        model.put("form", values);
        model.put("errors", errors);
        model.put("preview", markdown.html(values.getOrDefault("body", "")));
        model.put("languages", languages.languages().stream().map(l -> l.tag().value()).toList());
        model.put("signatures", document == null || document.type() != DocumentType.STATEMENT ? List.of() : signatures.of(document.id()));
        model.put("flash", request.getParameter("done") == null ? "" : ui.t("workspace.done"));
        render(request, response, ui, "workspace/document.jte", model, status);
    }

    private Map<String, String> documentForm(HttpServletRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of("type", "language", "slug", "title", "summary", "body", "demands", "changeKind", "message", "baseRevision")) {
            form.put(field, Optional.ofNullable(request.getParameter(field)).orElse("").strip());
        }
        return form;
    }

    private Map<String, String> validate(Map<String, String> form, Ui ui, boolean creating) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.get("title").isEmpty()) {
            errors.put("title", ui.t("form.required"));
        } else if (form.get("title").length() > 500) {
            errors.put("title", ui.t("form.too-long", "max", 500));
        }
        if (form.get("summary").length() > 2000) {
            errors.put("summary", ui.t("form.too-long", "max", 2000));
        }
        if (form.get("body").isEmpty()) {
            errors.put("body", ui.t("form.required"));
        } else if (form.get("body").length() > 200_000) {
            errors.put("body", ui.t("form.too-long", "max", 200_000));
        }
        for (String demand : demandList(form)) {
            if (!demand.startsWith("demands.") || demands.all(negotiator.negotiated(languages.source())).stream().noneMatch(d -> d.id().equals(demand))) {
                errors.put("demands", ui.t("workspace.unknown-demand", "demand", demand));
            }
        }
        if (creating) {
            if (!form.get("slug").isEmpty() && !form.get("slug").matches("[a-z0-9][a-z0-9-]{0,99}")) {
                errors.put("slug", ui.t("workspace.slug-format"));
            } else if (!form.get("slug").isEmpty() && documents.slugTaken(form.get("slug"))) {
                errors.put("slug", ui.t("workspace.slug-taken"));
            }
        }
        return errors;
    }

    private static Set<String> demandList(Map<String, String> form) {
        Set<String> demands = new LinkedHashSet<>();
        for (String line : form.getOrDefault("demands", "").split("[\\s,]+")) {
            if (!line.isBlank()) {
                demands.add(line.strip());
            }
        }
        return demands;
    }

    private void create(HttpServletRequest request, HttpServletResponse response, Ui ui, String author) throws IOException {
        Map<String, String> form = documentForm(request);
        Map<String, String> errors = validate(form, ui, true);
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
        Document document = documents.create(type, language, form.get("slug").isEmpty() ? null : form.get("slug"),
                new DocumentEditor.Texts(form.get("title"), form.get("summary"), form.get("body")), demandList(form), author);
        HtmlResponses.redirect(response, 303, "/workspace/documents/" + document.id() + "?done=created");
    }

    private void documentAction(HttpServletRequest request, HttpServletResponse response, Ui ui, Document document, String author)
            throws IOException {
        String action = Optional.ofNullable(request.getParameter("action")).orElse("");
        long id = document.id();
        switch (action) {
            case "save", "preview" -> {
                Map<String, String> form = documentForm(request);
                Map<String, String> errors = validate(form, ui, false);
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
                    documents.update(id, integer(form.get("baseRevision"), ui), new DocumentEditor.Texts(form.get("title"),
                            form.get("summary"), form.get("body")), demandList(form), kind, form.get("message").isEmpty() ? null
                            : form.get("message"), author);
                } catch (StaleRevisionException e) {
                    editorPage(request, response, ui, documents.find(id).orElseThrow(), form, Map.of("body", ui.t("workspace.conflict")), 409);
                    return;
                }
            }
            case "review" -> publisher.toReview(id);
            case "publish" -> publisher.publish(id, coordinated(request, document, ui), schedule(request.getParameter("at"), ui));
            case "unpublish" -> publisher.unpublish(id);
            default -> throw new Refused(400, ui.t("error.method"));
        }
        HtmlResponses.redirect(response, 303, "/workspace/documents/" + id + "?done=" + action);
    }

    private Set<String> coordinated(HttpServletRequest request, Document document, Ui ui) {
        Set<String> coordinated = new LinkedHashSet<>();
        String[] chosen = request.getParameterValues("languages");
        for (String language : chosen == null ? new String[0] : chosen) {
            LanguageTag tag = LanguageTag.of(language);
            if (!languages.offers(tag)) {
                throw new Refused(400, ui.t("error.not-found"));
            }
            if (!tag.equals(document.sourceLanguage())) {
                coordinated.add(tag.value());
            }
        }
        return coordinated;
    }

    /** The schedule field of the form: a date and time in UTC ({@code datetime-local}), empty for now. */
    static Instant schedule(String value, Ui ui) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Refused(400, ui.t("workspace.bad-date"));
        }
    }

    // ——— demands and editions ———

    private void demandsPage(HttpServletRequest request, HttpServletResponse response, boolean post) throws IOException {
        Ui ui = ui(request);
        String author = permissions.requireAny(Role.EDITOR).username();
        if (post) {
            String id = Optional.ofNullable(request.getParameter("demand")).orElse("");
            Negotiated source = negotiator.negotiated(languages.source());
            if (demands.all(source).stream().noneMatch(d -> d.id().equals(id))) {
                throw new Refused(404, ui.t("error.not-found"));
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
            if (note.length() > 2000) {
                throw new Refused(400, ui.t("form.too-long", "max", 2000));
            }
            demands.record(id, status, date, note.isEmpty() ? null : note, author);
            HtmlResponses.redirect(response, 303, "/workspace/demands?done=recorded#" + id);
            return;
        }
        render(request, response, ui, "workspace/demands.jte", Map.of("demands", demands.all(negotiator.negotiated(ui.tag())),
                "flash", request.getParameter("done") == null ? "" : ui.t("workspace.done")), 200);
    }

    private void editionsPage(HttpServletRequest request, HttpServletResponse response, boolean post) throws IOException {
        Ui ui = ui(request);
        String author = permissions.requireAny(Role.EDITOR).username();
        if (post) {
            String note = Optional.ofNullable(request.getParameter("note")).orElse("").strip();
            if (note.isEmpty() || note.length() > 500) {
                throw new Refused(400, ui.t(note.isEmpty() ? "form.required" : "form.too-long", "max", 500));
            }
            editions.publish(note, author);
            HtmlResponses.redirect(response, 303, "/workspace/editions?done=edition");
            return;
        }
        render(request, response, ui, "workspace/editions.jte", Map.of("editions", editions.all(),
                "flash", request.getParameter("done") == null ? "" : ui.t("workspace.done")), 200);
    }

    // ——— newsletters and campaigns ———

    private Document newsletter(String id, Ui ui) {
        return documents.find(Long.parseLong(id)).filter(d -> d.type() == DocumentType.NEWSLETTER)
                .orElseThrow(() -> new Refused(404, ui.t("error.not-found")));
    }

    private LanguageTag previewLanguage(HttpServletRequest request, Document newsletter) {
        String lang = request.getParameter("lang");
        LanguageTag language = lang == null || lang.isBlank() ? newsletter.sourceLanguage() : LanguageTag.of(lang);
        return languages.offers(language) ? language : newsletter.sourceLanguage();
    }

    private void newsletters(HttpServletRequest request, HttpServletResponse response, List<String> parts, boolean post) throws IOException {
        Ui ui = ui(request);
        String author = permissions.requireAny(Role.EDITOR).username();
        if (parts.size() < 2) {
            throw new Refused(404, ui.t("error.not-found"));
        }
        Document newsletter = newsletter(parts.get(1), ui);
        LanguageTag language = previewLanguage(request, newsletter);
        if (parts.size() == 3 && parts.get(2).equals("mail") && !post) {
            // the mail exactly as a reader of that language gets it, shown in a sandboxed frame of the preview page:
            // mail HTML carries its own inline styles, which the site's policy forbids everywhere else
            Variant variant = newsletterRenderer.render(newsletter, language, language, publicAddress.base(request));
            NewsletterRenderer.Footer footer = newsletterRenderer.footer(variant.language(), "subscriber@example.org",
                    publicAddress.base(request).resolve("subscriptions/preferences"), publicAddress.base(request).resolve("subscriptions/unsubscribe"));
            response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; "
                    + "frame-ancestors 'self'; sandbox");
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
            HtmlResponses.send(request, response, 200, variant.language().value(), variant.html(footer.html()), false);
            return;
        }
        if (parts.size() != 2) {
            throw new Refused(404, ui.t("error.not-found"));
        }
        if (post) {
            String action = Optional.ofNullable(request.getParameter("action")).orElse("");
            if (action.equals("items")) {
                List<Long> ids = new ArrayList<>();
                for (String id : Optional.ofNullable(request.getParameter("items")).orElse("").split("[\\s,]+")) {
                    if (!id.isBlank()) {
                        ids.add(Long.parseLong(id.strip()));
                    }
                }
                try {
                    newsletterItems.set(newsletter.id(), ids);
                } catch (IllegalArgumentException e) {
                    throw new Refused(400, e.getMessage());
                }
                HtmlResponses.redirect(response, 303, "/workspace/newsletters/" + newsletter.id() + "?done=items");
            } else if (action.equals("campaign")) {
                Set<LanguageTag> required = new LinkedHashSet<>();
                for (String tag : Optional.ofNullable(request.getParameterValues("required")).orElse(new String[0])) {
                    required.add(LanguageTag.of(tag));
                }
                Campaign campaign;
                try {
                    campaign = campaigns.create(newsletter.id(), topics.parse(List.of(Optional.ofNullable(request.getParameterValues("topic"))
                            .orElse(new String[0]))), required, null, null, publicAddress.base(request), author);
                } catch (IllegalArgumentException e) {
                    throw new Refused(400, e.getMessage());
                }
                HtmlResponses.redirect(response, 303, "/workspace/campaigns/" + campaign.id());
            } else {
                throw new Refused(400, ui.t("error.method"));
            }
            return;
        }
        Variant variant = newsletterRenderer.render(newsletter, language, language, publicAddress.base(request));
        NewsletterRenderer.Footer footer = newsletterRenderer.footer(variant.language(), "subscriber@example.org",
                publicAddress.base(request).resolve("subscriptions/preferences"), publicAddress.base(request).resolve("subscriptions/unsubscribe"));
        Map<String, Object> model = new HashMap<>();
        model.put("newsletter", newsletter);
        model.put("language", language.value());
        model.put("variant", variant);
        model.put("text", variant.text(footer.text()));
        model.put("items", newsletterItems.of(newsletter.id()));
        model.put("topics", topics.all());
        model.put("languages", languages.languages().stream().map(l -> l.tag().value()).toList());
        model.put("campaigns", campaigns.all().stream().filter(c -> c.newsletterId() == newsletter.id()).toList());
        model.put("flash", request.getParameter("done") == null ? "" : ui.t("workspace.done"));
        render(request, response, ui, "workspace/newsletter.jte", model, 200);
    }

    private void campaignPage(HttpServletRequest request, HttpServletResponse response, List<String> parts, boolean post) throws IOException {
        Ui ui = ui(request);
        String editor = permissions.requireAny(Role.EDITOR).username();
        if (parts.size() != 2) {
            throw new Refused(404, ui.t("error.not-found"));
        }
        long id = Long.parseLong(parts.get(1));
        Campaign campaign = campaigns.find(id).orElseThrow(() -> new Refused(404, ui.t("error.not-found")));
        if (post) {
            String action = Optional.ofNullable(request.getParameter("action")).orElse("");
            String done = action;
            try {
                switch (action) {
                    case "test" -> {
                        List<String> addresses = Arrays.stream(Optional.ofNullable(request.getParameter("addresses")).orElse("")
                                .split("[\\s,;]+")).filter(a -> !a.isBlank()).toList();
                        String lang = request.getParameter("language");
                        campaigns.test(id, addresses, lang == null || lang.isBlank() ? null : LanguageTag.of(lang));
                    }
                    case "send" -> campaigns.send(id);
                    case "pause" -> campaigns.pause(id);
                    case "resume" -> campaigns.resume(id);
                    case "cancel" -> campaigns.cancel(id, "Cancelled by " + editor + ".");
                    default -> throw new Refused(400, ui.t("error.method"));
                }
            } catch (IllegalArgumentException e) {
                throw new Refused(400, e.getMessage());
            } catch (IllegalStateException e) {
                throw new Refused(409, e.getMessage());
            }
            if (!action.equals("test")) {
                dispatcher.campaignsChanged();
            }
            HtmlResponses.redirect(response, 303, "/workspace/campaigns/" + id + "?done=" + done);
            return;
        }
        DeliveryCounts counts = ledger.counts(id);
        long finished = counts.total() - counts.get(DeliveryState.PENDING) - counts.get(DeliveryState.SENDING);
        Map<String, Object> model = new HashMap<>();
        model.put("campaign", campaign);
        model.put("coverage", campaigns.coverage(id));
        model.put("counts", counts);
        model.put("done", finished);
        model.put("languages", languages.languages().stream().map(l -> l.tag().value()).toList());
        model.put("flash", request.getParameter("done") == null ? "" : ui.t("workspace.done"));
        render(request, response, ui, "workspace/campaign.jte", model, 200);
    }

    // ——— helpers ———

    private static int integer(String value, Ui ui) {
        try {
            return Integer.parseInt(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new Refused(400, ui.t("error.method"));
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response, Ui ui, int status, String message) throws IOException {
        render(request, response, ui, "workspace/message.jte", Map.of("status", status, "message", message, "detail", ""), status);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, Ui ui, String template, Map<String, Object> model,
                        int status) throws IOException {
        Map<String, Object> parameters = new HashMap<>(model);
        parameters.put("ui", ui);
        HtmlResponses.send(request, response, status, ui.lang(), templates.render(template, parameters), false);
    }
}
