package org.internationale.site.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.locale.entity.Negotiated;
import org.internationale.site.control.PageCache;
import org.internationale.site.control.Templates;
import org.internationale.site.control.Ui;
import org.internationale.site.entity.RenderedPage;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reader's request as a feature's pages see it: the reader's language, the address after the language, the
 * interface, and the ways a page answers (render a template, redirect, not found). Rendering is the shell's, so every
 * reader page gets the same headers, entity tag and caching rule.
 */
public final class ReaderRequest {

    /** The page asked for does not exist: the reader gets a 404 page in their language. */
    public static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }

    private final HttpServletRequest http;
    private final HttpServletResponse response;
    private final Negotiated negotiated;
    private final String rest;
    private final Ui ui;
    private final Templates templates;
    private final String origin;
    private final PageCache cache;
    private final String cacheAddress;
    private final long generation;

    /** @param cacheAddress the address the page is kept under in the cache, or null when it must not be kept */
    ReaderRequest(HttpServletRequest http, HttpServletResponse response, Negotiated negotiated, String rest, Ui ui,
                  Templates templates, String origin, PageCache cache, String cacheAddress) {
        this.http = http;
        this.response = response;
        this.negotiated = negotiated;
        this.rest = rest;
        this.ui = ui;
        this.templates = templates;
        this.origin = origin;
        this.cache = cache;
        this.cacheAddress = cacheAddress;
        this.generation = cache.generation();
    }

    /** The address this page is kept under in the page cache, or null when it must not be kept. */
    String cacheAddress() {
        return cacheAddress;
    }

    public HttpServletRequest http() {
        return http;
    }

    public HttpServletResponse response() {
        return response;
    }

    public Negotiated negotiated() {
        return negotiated;
    }

    public LanguageTag tag() {
        return negotiated.tag();
    }

    public Ui ui() {
        return ui;
    }

    /** The site's public origin ({@code https://example.org}), never taken from the request's headers. */
    public String origin() {
        return origin;
    }

    /** The address after the language, split at slashes: {@code /statements/12} is {@code [statements, 12]}. */
    public List<String> parts() {
        return Arrays.asList(rest.substring(1).split("/", -1));
    }

    /** The one segment after the section ({@code 12} of {@code /statements/12}); anything else is not a page. */
    public String single() {
        List<String> parts = parts();
        if (parts.size() != 2 || parts.get(1).isEmpty()) {
            throw notFound();
        }
        return parts.get(1);
    }

    /** A query or form parameter, or empty. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(http.getParameter(name));
    }

    public List<String> parameters(String name) {
        String[] values = http.getParameterValues(name);
        return values == null ? List.of() : List.of(values);
    }

    /** The named form fields, stripped, empty when not sent. */
    public Map<String, String> form(String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : fields) {
            form.put(field, parameter(field).orElse("").strip());
        }
        return form;
    }

    public NotFound notFound() {
        return new NotFound();
    }

    /** Renders a feature's template ({@code platform/boundary/platform.jte}) with the interface added to its model. */
    public void render(String template, Map<String, Object> model, int status) throws IOException {
        Map<String, Object> parameters = new HashMap<>(model);
        parameters.put("ui", ui);
        RenderedPage page = HtmlResponses.page(templates.render(template, parameters), negotiated.tag().value());
        boolean shared = ui.csrf() == null;
        if (status == 200 && shared && cacheAddress != null) {
            cache.keep(cacheAddress, generation, page);
        }
        HtmlResponses.send(http, response, status, page, shared);
    }

    /** Redirects within the reader's language: {@code redirect(303, "/subscribe?sent")} goes to {@code /es/subscribe?sent}. */
    public void redirect(int status, String rest) {
        HtmlResponses.redirect(response, status, ui.href(rest));
    }

    public void error(int status, String message) throws IOException {
        render("site/boundary/error.jte", Map.of("status", status, "message", message), status);
    }

    void methodNotAllowed() throws IOException {
        response.setHeader("Allow", "GET, HEAD");
        error(405, ui.t("error.method"));
    }
}
