package org.internationale.site.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.api.control.XmlCharacters;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.site.control.Templates;
import org.internationale.site.control.Ui;
import org.internationale.site.control.UiStrings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain pages that links in mail open: confirmations, preferences, unsubscribe. No script and no outside
 * resources, readable on any phone; never cached and never leaking their link (with its token) as a referrer. Their
 * templates use {@code site/boundary/plainLayout.jte}; the words come from {@code ui.po} in the reader's language.
 */
@ApplicationScoped
public class PlainPages {

    @Inject
    LanguageRegistry languages;

    @Inject
    UiStrings strings;

    @Inject
    Templates templates;

    /** The interface in the first language of {@code language}'s fallback chain that the site offers. */
    public Ui ui(LanguageTag language) {
        LanguageTag served = languages.chain(language).first();
        return new Ui(languages.language(served), strings, "/", "", List.of(), null, null);
    }

    public void send(HttpServletResponse response, int status, Ui ui, String template, Map<String, Object> model) throws IOException {
        Map<String, Object> parameters = new HashMap<>(model);
        parameters.put("ui", ui);
        byte[] body = XmlCharacters.replaceForbidden(templates.render(template, parameters)).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", ui.lang());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        // stricter than the site's policy: nothing but the page's own style block, and forms back to us
        response.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A page with one paragraph: a confirmation done, a link unknown. */
    public void message(HttpServletResponse response, int status, Ui ui, String title, String message) throws IOException {
        send(response, status, ui, "site/boundary/plainMessage.jte", Map.of("title", title, "message", message));
    }
}
