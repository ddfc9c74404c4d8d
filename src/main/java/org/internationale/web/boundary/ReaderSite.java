package org.internationale.web.boundary;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.internationale.demands.control.Demands;
import org.internationale.identity.control.ApiAuthentication;
import org.internationale.locale.control.LanguageNegotiator;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.IllFormedLanguageTagException;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.locale.entity.Negotiated;
import org.internationale.mailing.control.MailRequestThrottle;
import org.internationale.mailing.control.Mailer;
import org.internationale.mailing.entity.Mail;
import org.internationale.platform.control.Editions;
import org.internationale.platform.control.PlatformReader;
import org.internationale.platform.entity.PlatformView;
import org.internationale.publishing.control.DocumentEditor;
import org.internationale.publishing.control.DocumentReader;
import org.internationale.publishing.entity.Document;
import org.internationale.publishing.entity.DocumentType;
import org.internationale.publishing.entity.DocumentView;
import org.internationale.search.control.Searcher;
import org.internationale.search.entity.SearchResult;
import org.internationale.statements.control.Signatures;
import org.internationale.statements.entity.Signature;
import org.internationale.subscribers.control.Subscriptions;
import org.internationale.subscribers.control.Topics;
import org.internationale.system.control.ClientAddress;
import org.internationale.system.control.PublicAddress;
import org.internationale.text.control.SegmentStore;
import org.internationale.translation.control.UiStrings;
import org.internationale.web.control.LanguageMenu;
import org.internationale.web.control.Templates;
import org.internationale.web.control.Ui;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public reader site, one language per address: {@code /{lang}/}, {@code /{lang}/platform},
 * {@code /{lang}/demands/{id}}, {@code /{lang}/updates/{id}}, {@code /{lang}/statements/{id}}, {@code /{lang}/pages/{slug}},
 * {@code /{lang}/search?q=}, {@code /{lang}/subscribe}; {@code /} sends the reader to their language. Mapped as the
 * default servlet, so every address no other servlet claims ends here (and gets an HTML 404 page).
 */
@WebServlet(urlPatterns = "/", loadOnStartup = 1)
public class ReaderSite extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ReaderSite.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Pattern ROUTE = Pattern.compile("/([^/]+)(/.*)?");
    static final int SEARCH_PAGE_SIZE = 10;
    static final int HOME_UPDATES = 5;

    @Inject
    LanguageRegistry languages;

    @Inject
    ClientAddress clients;

    @Inject
    LanguageNegotiator negotiator;

    @Inject
    UiStrings strings;

    @Inject
    Templates templates;

    @Inject
    PlatformReader platform;

    @Inject
    Editions editions;

    @Inject
    DocumentReader documents;

    @Inject
    DocumentEditor editor;

    @Inject
    Demands demands;

    @Inject
    Searcher searcher;

    @Inject
    Signatures signatures;

    @Inject
    SegmentStore segments;

    @Inject
    Subscriptions subscriptions;

    @Inject
    MailRequestThrottle mailThrottle;

    @Inject
    Topics topics;

    @Inject
    PublicAddress publicAddress;

    /** A reader's request: its language, the address after the language, and the interface. */
    record Visit(Negotiated negotiated, String rest, Ui ui) {
        LanguageTag tag() {
            return negotiated.tag();
        }
    }

    /** The page asked for does not exist: a 404 page in the reader's language. */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, false);
    }

    /** Form fields are read as UTF-8: web.xml sets the request encoding before anything reads them. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, true);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, boolean post) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty() || path.equals("/")) {
            Negotiated negotiated = negotiator.negotiate(null, request.getHeader("Accept-Language"));
            response.setHeader("Vary", "Accept-Language");
            HtmlResponses.redirect(response, 303, "/" + negotiated.tag().value() + "/");
            return;
        }
        Matcher route = ROUTE.matcher(path);
        Optional<LanguageTag> tag = route.matches() ? language(route.group(1)) : Optional.empty();
        if (tag.isEmpty()) {
            Negotiated negotiated = negotiator.negotiate(null, request.getHeader("Accept-Language"));
            notFound(request, response, visit(request, negotiated, "/"));
            return;
        }
        String rest = route.group(2) == null ? "" : route.group(2);
        if (!tag.get().value().equals(route.group(1)) || rest.isEmpty()) {
            // /pt-br/platform → /pt-BR/platform, /es → /es/
            String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
            HtmlResponses.redirect(response, 301, "/" + tag.get().value() + (rest.isEmpty() ? "/" : rest) + query);
            return;
        }
        Visit visit = visit(request, negotiator.negotiated(tag.get()), rest);
        try {
            if (post) {
                post(request, response, visit);
            } else {
                get(request, response, visit);
            }
        } catch (NotFound | NumberFormatException e) {
            notFound(request, response, visit);
        } catch (Mailer.MailNotSent e) {
            LOG.log(Level.WARNING, "A reader's mail could not be sent", e);
            error(request, response, visit, 503, visit.ui().t("error.mail-failed"));
        } catch (RuntimeException e) {
            String reference = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
            LOG.log(Level.SEVERE, "Reader page " + path + " failed (reference " + reference + ")", e);
            error(request, response, visit, 500, visit.ui().t("error.failed", "reference", reference));
        }
    }

    private Optional<LanguageTag> language(String segment) {
        try {
            LanguageTag tag = LanguageTag.of(segment);
            return languages.offers(tag) ? Optional.of(tag) : Optional.empty();
        } catch (IllFormedLanguageTagException e) {
            return Optional.empty();
        }
    }

    private Visit visit(HttpServletRequest request, Negotiated negotiated, String rest) {
        HttpSession session = request.getSession(false);
        Object csrf = session == null ? null : session.getAttribute(ApiAuthentication.SESSION_CSRF);
        Ui ui = new Ui(negotiated.language(), strings, rest, baseUrl(request),
                LanguageMenu.of(languages.languages(), negotiated.tag().locale(), negotiated.tag().value(), rest),
                null, csrf instanceof String token ? token : null);
        return new Visit(negotiated, rest, ui);
    }

    String baseUrl(HttpServletRequest request) {
        return publicAddress.origin(request);
    }

    private void get(HttpServletRequest request, HttpServletResponse response, Visit visit) throws IOException {
        String rest = visit.rest();
        String[] parts = rest.substring(1).split("/", -1);
        switch (parts[0]) {
            case "" -> home(request, response, visit);
            case "platform" -> {
                if (parts.length == 1) {
                    platform(request, response, visit);
                } else if (parts.length == 2 && parts[1].equals("changes")) {
                    changes(request, response, visit);
                } else {
                    throw new NotFound();
                }
            }
            case "demands" -> demand(request, response, visit, single(parts));
            case "updates" -> document(request, response, visit, DocumentType.UPDATE, Long.parseLong(single(parts)), Map.of(), 200);
            case "statements" -> document(request, response, visit, DocumentType.STATEMENT, Long.parseLong(single(parts)),
                    Map.of("signed", request.getParameter("signed") != null), 200);
            case "pages" -> page(request, response, visit, single(parts));
            case "search" -> search(request, response, visit);
            case "subscribe" -> subscribe(request, response, visit, Map.of(), Map.of(), request.getParameter("sent") != null, 200);
            default -> throw new NotFound();
        }
    }

    private void post(HttpServletRequest request, HttpServletResponse response, Visit visit) throws IOException {
        String[] parts = visit.rest().substring(1).split("/", -1);
        switch (parts[0]) {
            case "statements" -> sign(request, response, visit, Long.parseLong(single(parts)));
            case "subscribe" -> subscribeRequest(request, response, visit);
            default -> {
                response.setHeader("Allow", "GET, HEAD");
                error(request, response, visit, 405, visit.ui().t("error.method"));
            }
        }
    }

    private static String single(String[] parts) {
        if (parts.length != 2 || parts[1].isEmpty()) {
            throw new NotFound();
        }
        return parts[1];
    }

    private void home(HttpServletRequest request, HttpServletResponse response, Visit visit) throws IOException {
        // one list of the newest updates serves both the page's own list and each demand's latest
        List<DocumentView> updates = documents.newest(DocumentType.UPDATE, visit.negotiated(), Demands.RECENT_UPDATES);
        Map<String, Object> model = new HashMap<>();
        model.put("updates", updates.subList(0, Math.min(HOME_UPDATES, updates.size())));
        model.put("demands", demands.all(visit.negotiated(), updates));
        render(request, response, visit, "reader/home.jte", model, 200);
    }

    private void platform(HttpServletRequest request, HttpServletResponse response, Visit visit) throws IOException {
        String requested = request.getParameter("edition");
        Integer edition = requested == null || requested.isBlank() ? null : Integer.valueOf(requested);
        PlatformView view = edition == null ? platform.platform(visit.negotiated())
                : editions.platform(edition, visit.tag()).map(json -> JSONB.fromJson(json.toString(), PlatformView.class))
                .orElseThrow(NotFound::new);
        Map<String, Object> model = new HashMap<>();
        model.put("platform", view);
        model.put("editions", editions.all());
        model.put("edition", edition);
        render(request, response, visit, "reader/platform.jte", model, 200);
    }

    private void changes(HttpServletRequest request, HttpServletResponse response, Visit visit) throws IOException {
        int from = Integer.parseInt(String.valueOf(request.getParameter("from")));
        int to = Integer.parseInt(String.valueOf(request.getParameter("to")));
        Editions.EditionDiff diff = editions.diff(from, to, visit.tag()).orElseThrow(NotFound::new);
        render(request, response, visit, "reader/changes.jte", Map.of("diff", diff), 200);
    }

    private void demand(HttpServletRequest request, HttpServletResponse response, Visit visit, String id) throws IOException {
        Demands.Demand demand = demands.all(visit.negotiated()).stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(NotFound::new);
        render(request, response, visit, "reader/demand.jte", Map.of("demand", demand, "source", languages.source().value()), 200);
    }

    private void document(HttpServletRequest request, HttpServletResponse response, Visit visit, DocumentType type, long id,
                          Map<String, Object> extra, int status) throws IOException {
        DocumentView view = documents.one(id, visit.negotiated()).filter(d -> d.type().equals(type.label())).orElseThrow(NotFound::new);
        Map<String, Object> model = new HashMap<>(extra);
        model.put("document", view);
        model.put("original", "/" + editor.find(id).map(d -> d.sourceLanguage().value()).orElse(view.language())
                + "/" + type.label() + "s/" + id);
        model.put("signatories", type == DocumentType.STATEMENT ? signatories(id) : List.of());
        model.putIfAbsent("signed", false);
        model.putIfAbsent("form", Map.of());
        model.putIfAbsent("errors", Map.of());
        render(request, response, visit, "reader/document.jte", model, status);
    }

    private List<Signature> signatories(long statementId) {
        return signatures.of(statementId).stream().filter(Signature::shown).toList();
    }

    private void page(HttpServletRequest request, HttpServletResponse response, Visit visit, String slug) throws IOException {
        DocumentView view = documents.page(slug, visit.negotiated()).orElseThrow(NotFound::new);
        Map<String, Object> model = new HashMap<>();
        model.put("document", view);
        model.put("original", "/" + editor.find(view.id()).map(d -> d.sourceLanguage().value()).orElse(view.language())
                + "/pages/" + slug);
        model.put("signatories", List.of());
        model.put("signed", false);
        model.put("form", Map.of());
        model.put("errors", Map.of());
        render(request, response, visit, "reader/document.jte", model, 200);
    }

    private void search(HttpServletRequest request, HttpServletResponse response, Visit visit) throws IOException {
        String query = Optional.ofNullable(request.getParameter("q")).orElse("");
        int page = 1;
        try {
            page = Math.max(1, Math.min(1000, Integer.parseInt(Optional.ofNullable(request.getParameter("page")).orElse("1"))));
        } catch (NumberFormatException ignored) {
            // a mangled page number shows the first page
        }
        SearchResult result = searcher.search(query, visit.negotiated(), null, null, page, SEARCH_PAGE_SIZE);
        render(request, response, visit, "reader/search.jte", Map.of("result", result, "query", query), 200);
    }

    private void subscribe(HttpServletRequest request, HttpServletResponse response, Visit visit, Map<String, String> form,
                           Map<String, String> errors, boolean sent, int status) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("sent", sent);
        model.put("topics", topics.all());
        model.put("chosenLanguages", List.of(request.getParameterValues("language") == null ? new String[0] : request.getParameterValues("language")));
        render(request, response, visit, "reader/subscribe.jte", model, status);
    }

    /** The subscribe form: the double opt-in of the subscribers feature; the page never tells whether an address is known. */
    private void subscribeRequest(HttpServletRequest request, HttpServletResponse response, Visit visit) throws IOException {
        Ui ui = visit.ui();
        Map<String, String> form = form(request, "email");
        Optional<java.time.Duration> wait = mailThrottle.admit(clients.of(request), form.get("email"));
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            subscribe(request, response, visit, form, Map.of("form", ui.t("subscribe.too-many")), false, 429);
            return;
        }
        List<String> chosen = java.util.Arrays.stream(Optional.ofNullable(request.getParameterValues("language")).orElse(new String[0]))
                .map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> topicNames = List.of(Optional.ofNullable(request.getParameterValues("topic")).orElse(new String[0]));
        if (form.get("email").isEmpty()) {
            subscribe(request, response, visit, form, Map.of("email", ui.t("form.required")), false, 400);
            return;
        }
        Subscriptions.Request subscription;
        try {
            subscription = subscriptions.request(form.get("email"), chosen.isEmpty() ? List.of(visit.tag().value()) : chosen, topicNames);
        } catch (IllegalArgumentException e) {
            subscribe(request, response, visit, form, Map.of("email", ui.t("form.invalid-email")), false, 400);
            return;
        }
        subscriptions.subscribe(subscription, publicAddress.base(request));
        HtmlResponses.redirect(response, 303, "/" + visit.tag().value() + "/subscribe?sent");
    }

    private void sign(HttpServletRequest request, HttpServletResponse response, Visit visit, long id) throws IOException {
        Document statement = editor.find(id).filter(d -> d.type() == DocumentType.STATEMENT && d.isLive()).orElseThrow(NotFound::new);
        Map<String, String> form = form(request, "organisation", "country", "email");
        Map<String, String> errors = new LinkedHashMap<>();
        Ui ui = visit.ui();
        check(form, errors, "organisation", 200, ui);
        check(form, errors, "country", 100, ui);
        check(form, errors, "email", 320, ui);
        if (!errors.containsKey("email") && !form.get("email").matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put("email", ui.t("form.invalid-email"));
        }
        if (!errors.isEmpty()) {
            document(request, response, visit, DocumentType.STATEMENT, id, Map.of("form", form, "errors", errors), 400);
            return;
        }
        Optional<java.time.Duration> wait = mailThrottle.admit(clients.of(request), form.get("email"));
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            errors.put("email", ui.t("subscribe.too-many"));
            document(request, response, visit, DocumentType.STATEMENT, id, Map.of("form", form, "errors", errors), 429);
            return;
        }
        String title = documents.one(id, visit.negotiated()).orElseThrow(NotFound::new).title();
        signatures.sign(statement, form.get("organisation"), form.get("country"), form.get("email"), visit.tag(), title,
                baseUrl(request) + "/statements/confirm");
        HtmlResponses.redirect(response, 303, "/" + visit.tag().value() + "/statements/" + id + "?signed#sign");
    }

    private static void check(Map<String, String> form, Map<String, String> errors, String field, int max, Ui ui) {
        String value = form.get(field);
        if (value.isEmpty()) {
            errors.put(field, ui.t("form.required"));
        } else if (value.length() > max) {
            errors.put(field, ui.t("form.too-long", "max", max));
        } else {
            try {
                Mail.oneLine(field, value);
            } catch (IllegalArgumentException e) {
                // a text field cannot send a line break: only a script does, and it gets no kinder message
                errors.put(field, ui.t("form.has-errors"));
            }
        }
    }

    private static Map<String, String> form(HttpServletRequest request, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : fields) {
            form.put(field, Optional.ofNullable(request.getParameter(field)).orElse("").strip());
        }
        return form;
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, Visit visit) throws IOException {
        error(request, response, visit, 404, visit.ui().t("error.not-found"));
    }

    private void error(HttpServletRequest request, HttpServletResponse response, Visit visit, int status, String message) throws IOException {
        render(request, response, visit, "reader/error.jte", Map.of("status", status, "message", message), status);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, Visit visit, String template,
                        Map<String, Object> model, int status) throws IOException {
        Map<String, Object> parameters = new HashMap<>(model);
        parameters.put("ui", visit.ui());
        String html = templates.render(template, parameters);
        HtmlResponses.send(request, response, status, visit.tag().value(), html, visit.ui().csrf() == null);
    }
}
