package org.internationale.statements.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.api.boundary.HtmlPage;
import org.internationale.statements.control.Signatures;
import org.internationale.statements.entity.Signature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The page the confirmation mail links to. Opening it changes nothing — mail scanners fetch links — and its button
 * confirms by POST.
 */
@WebServlet("/statements/confirm")
public class SignatureConfirmation extends HttpServlet {

    @Inject
    Signatures signatures;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("token");
        Optional<Signature> signature = signatures.pending(token);
        if (signature.isEmpty()) {
            page(response, 404, "en", "Unknown link", "<p>This confirmation link is not known. It may have been mistyped.</p>");
            return;
        }
        Signature s = signature.get();
        page(response, 200, s.language(), "Confirm your signature",
                "<p>Confirm that <strong>" + escape(s.organisation()) + "</strong> (" + escape(s.country()) + ") signs this statement.</p>"
                        + "<form method=\"post\" action=\"confirm\"><input type=\"hidden\" name=\"token\" value=\"" + escape(token) + "\">"
                        + "<button type=\"submit\">Confirm signature</button></form>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Optional<Signature> confirmed = signatures.confirm(request.getParameter("token"));
        if (confirmed.isEmpty()) {
            page(response, 410, "en", "Link expired", "<p>This link is unknown or has expired. Please sign again.</p>");
            return;
        }
        page(response, 200, confirmed.get().language(), "Thank you",
                "<p>Your signature is confirmed. It will show once our editors have reviewed it.</p>");
    }

    private static void page(HttpServletResponse response, int status, String lang, String title, String body) throws IOException {
        HtmlPage.write(response, status, lang, "auto", title, body);
    }

    private static String escape(String text) {
        return HtmlPage.escape(text);
    }
}
