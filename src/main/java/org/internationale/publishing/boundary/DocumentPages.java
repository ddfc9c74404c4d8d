package org.internationale.publishing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.internationale.api.entity.RetryAfter;
import org.internationale.mailing.control.MailRequestThrottle;
import org.internationale.mailing.entity.EmailAddress;
import org.internationale.mailing.entity.Mail;
import org.internationale.publishing.control.DocumentEditor;
import org.internationale.publishing.control.DocumentReader;
import org.internationale.publishing.control.SignatureWorkflow;
import org.internationale.publishing.entity.Document;
import org.internationale.publishing.entity.DocumentType;
import org.internationale.publishing.entity.DocumentView;
import org.internationale.publishing.entity.Signature;
import org.internationale.site.boundary.ReaderPages;
import org.internationale.site.boundary.ReaderRequest;
import org.internationale.site.control.Ui;
import org.internationale.system.control.ClientAddress;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /{lang}/updates/{id}}, {@code /{lang}/statements/{id}} (with its signatories and the form to co-sign) and
 * {@code /{lang}/pages/{slug}}: a document in the reader's language through the one fallback rule, as the JSON API
 * serves it.
 */
@ApplicationScoped
public class DocumentPages implements ReaderPages {

    @Inject
    DocumentReader documents;

    @Inject
    DocumentEditor editor;

    @Inject
    SignatureWorkflow signatures;

    @Inject
    MailRequestThrottle mailThrottle;

    @Inject
    ClientAddress clients;

    @Override
    public Set<String> sections() {
        return Set.of("updates", "statements", "pages");
    }

    @Override
    public void get(ReaderRequest request) throws IOException {
        switch (request.parts().get(0)) {
            case "updates" -> document(request, DocumentType.UPDATE, Long.parseLong(request.single()), Map.of(), 200);
            case "statements" -> document(request, DocumentType.STATEMENT, Long.parseLong(request.single()),
                    Map.of("signed", request.parameter("signed").isPresent()), 200);
            default -> page(request, request.single());
        }
    }

    @Override
    public void post(ReaderRequest request) throws IOException {
        if (!request.parts().get(0).equals("statements")) {
            ReaderPages.super.post(request);
            return;
        }
        sign(request, Long.parseLong(request.single()));
    }

    private void document(ReaderRequest request, DocumentType type, long id, Map<String, Object> extra, int status) throws IOException {
        DocumentView view = documents.one(id, request.negotiated()).filter(d -> d.type().equals(type.label()))
                .orElseThrow(request::notFound);
        Map<String, Object> model = new HashMap<>(extra);
        model.put("document", view);
        model.put("original", "/" + editor.find(id).map(d -> d.sourceLanguage().value()).orElse(view.language())
                + "/" + type.label() + "s/" + id);
        model.put("signatories", type == DocumentType.STATEMENT ? signatories(id) : List.of());
        model.putIfAbsent("signed", false);
        model.putIfAbsent("form", Map.of());
        model.putIfAbsent("errors", Map.of());
        request.render("publishing/boundary/document.jte", model, status);
    }

    private List<Signature> signatories(long statementId) {
        return signatures.of(statementId).stream().filter(Signature::shown).toList();
    }

    private void page(ReaderRequest request, String slug) throws IOException {
        DocumentView view = documents.page(slug, request.negotiated()).orElseThrow(request::notFound);
        Map<String, Object> model = new HashMap<>();
        model.put("document", view);
        model.put("original", "/" + editor.find(view.id()).map(d -> d.sourceLanguage().value()).orElse(view.language())
                + "/pages/" + slug);
        model.put("signatories", List.of());
        model.put("signed", false);
        model.put("form", Map.of());
        model.put("errors", Map.of());
        request.render("publishing/boundary/document.jte", model, 200);
    }

    /** The co-signing form: the same checks, throttle and confirmation mail as {@code POST /api/statements/{id}/signatures}. */
    private void sign(ReaderRequest request, long id) throws IOException {
        Document statement = editor.find(id).filter(d -> d.type() == DocumentType.STATEMENT && d.isLive())
                .orElseThrow(request::notFound);
        Map<String, String> form = request.form("organisation", "country", "email");
        Map<String, String> errors = new LinkedHashMap<>();
        Ui ui = request.ui();
        check(form, errors, "organisation", Signature.MAX_ORGANISATION, ui);
        check(form, errors, "country", Signature.MAX_COUNTRY, ui);
        check(form, errors, "email", EmailAddress.MAX_LENGTH, ui);
        if (!errors.containsKey("email") && !EmailAddress.isValid(form.get("email"))) {
            errors.put("email", ui.t("form.invalid-email"));
        }
        if (!errors.isEmpty()) {
            document(request, DocumentType.STATEMENT, id, Map.of("form", form, "errors", errors), 400);
            return;
        }
        Optional<Duration> wait = mailThrottle.admit(clients.of(request.http()), form.get("email"));
        if (wait.isPresent()) {
            request.response().setHeader("Retry-After", Long.toString(RetryAfter.seconds(wait.get())));
            errors.put("email", ui.t("subscribe.too-many"));
            document(request, DocumentType.STATEMENT, id, Map.of("form", form, "errors", errors), 429);
            return;
        }
        String title = documents.one(id, request.negotiated()).orElseThrow(request::notFound).title();
        signatures.sign(statement, form.get("organisation"), form.get("country"), form.get("email"), request.tag(), title,
                request.origin() + "/statements/confirm");
        request.redirect(303, "/statements/" + id + "?signed#sign");
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
}
