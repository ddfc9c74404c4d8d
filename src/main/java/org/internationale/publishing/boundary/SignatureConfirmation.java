package org.internationale.publishing.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.publishing.control.SignatureWorkflow;
import org.internationale.publishing.entity.Signature;
import org.internationale.site.boundary.PlainPages;
import org.internationale.site.control.Ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The page the confirmation mail links to, in the language the signer read the statement in. Opening it changes
 * nothing — mail scanners fetch links — and its button confirms by POST.
 */
@WebServlet("/statements/confirm")
public class SignatureConfirmation extends HttpServlet {

    @Inject
    SignatureWorkflow signatures;

    @Inject
    LanguageRegistry languages;

    @Inject
    PlainPages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("token");
        Optional<Signature> signature = signatures.pending(token);
        if (signature.isEmpty()) {
            Ui ui = pages.ui(languages.source());
            pages.message(response, 404, ui, ui.t("signature.confirm-title"), ui.t("signature.link-unknown"));
            return;
        }
        Signature s = signature.get();
        pages.send(response, 200, pages.ui(LanguageTag.of(s.language())), "publishing/boundary/signatureConfirmation.jte",
                Map.of("organisation", s.organisation(), "country", s.country(), "token", token));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Optional<Signature> confirmed = signatures.confirm(request.getParameter("token"));
        if (confirmed.isEmpty()) {
            Ui ui = pages.ui(languages.source());
            pages.message(response, 410, ui, ui.t("signature.link-expired-title"), ui.t("signature.link-expired"));
            return;
        }
        Ui ui = pages.ui(LanguageTag.of(confirmed.get().language()));
        pages.message(response, 200, ui, ui.t("signature.confirmed-title"), ui.t("signature.confirmed"));
    }
}
