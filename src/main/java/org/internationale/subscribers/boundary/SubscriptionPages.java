package org.internationale.subscribers.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.api.boundary.HtmlPage;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.Language;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.subscribers.control.SubscriberLinks.Purpose;
import org.internationale.subscribers.control.SubscriberRecords;
import org.internationale.subscribers.control.Subscriptions;
import org.internationale.subscribers.control.Topics;
import org.internationale.subscribers.entity.Subscriber;
import org.internationale.subscribers.entity.SubscriberState;
import org.internationale.translation.control.UiStrings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pages subscription mail links to, in the subscriber's language. Opening a link never changes anything — mail
 * scanners fetch every link — so each page's button does, by POST. The one exception is RFC 8058's one-click
 * unsubscribe: a mail client POSTs {@code List-Unsubscribe=One-Click} to the unsubscribe link without any login.
 */
@WebServlet({"/subscriptions/confirm", "/subscriptions/preferences", "/subscriptions/unsubscribe", "/subscriptions/data"})
public class SubscriptionPages extends HttpServlet {

    @Inject
    Subscriptions subscriptions;

    @Inject
    SubscriberRecords records;

    @Inject
    UiStrings ui;

    @Inject
    LanguageRegistry languages;

    @Inject
    Topics topics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "/subscriptions/confirm" -> {
                String token = request.getParameter("token");
                Optional<Subscriber> pending = subscriptions.pending(token);
                if (pending.isEmpty()) {
                    unknownLink(request, response);
                    return;
                }
                LanguageTag language = pending.get().firstLanguage();
                page(response, 200, language, text("subscription.confirm-title", language),
                        "<p>" + esc(text("subscription.confirm-question", language, "email", pending.get().email())) + "</p>"
                                + "<form method=\"post\" action=\"confirm\"><input type=\"hidden\" name=\"token\" value=\"" + esc(token) + "\">"
                                + "<button type=\"submit\">" + esc(text("subscribe.confirm", language)) + "</button></form>");
            }
            case "/subscriptions/unsubscribe" -> {
                Optional<Subscriber> subscriber = signed(request, Purpose.UNSUBSCRIBE);
                if (subscriber.isEmpty()) {
                    unknownLink(request, response);
                    return;
                }
                LanguageTag language = subscriber.get().firstLanguage();
                if (subscriber.get().state() == SubscriberState.LEFT) {
                    page(response, 200, language, text("subscribe.leave", language), "<p>" + esc(text("subscription.left", language)) + "</p>");
                    return;
                }
                page(response, 200, language, text("subscribe.leave", language),
                        "<p>" + esc(text("subscription.leave-question", language, "email", subscriber.get().email())) + "</p>"
                                + "<form method=\"post\" action=\"unsubscribe?" + esc(request.getQueryString()) + "\">"
                                + "<button type=\"submit\">" + esc(text("subscribe.leave", language)) + "</button></form>");
            }
            case "/subscriptions/preferences" -> {
                Optional<Subscriber> subscriber = signed(request, Purpose.PREFERENCES);
                if (subscriber.isEmpty()) {
                    unknownLink(request, response);
                    return;
                }
                preferences(request, response, subscriber.get(), null);
            }
            case "/subscriptions/data" -> {
                Optional<Subscriber> subscriber = signed(request, Purpose.PREFERENCES);
                if (subscriber.isEmpty()) {
                    unknownLink(request, response);
                    return;
                }
                response.setContentType("application/json; charset=UTF-8");
                response.setHeader("Cache-Control", "no-store");
                response.setHeader("Content-Disposition", "attachment; filename=\"newsletter-data.json\"");
                response.getWriter().write(records.export(subscriber.get().id()).orElseThrow().toString());
            }
            default -> response.sendError(404);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        switch (request.getServletPath()) {
            case "/subscriptions/confirm" -> {
                Optional<Subscriber> confirmed = subscriptions.confirm(request.getParameter("token"));
                if (confirmed.isEmpty()) {
                    unknownLink(request, response);
                    return;
                }
                LanguageTag language = confirmed.get().firstLanguage();
                page(response, 200, language, text("subscription.confirm-title", language),
                        "<p>" + esc(text("subscription.confirmed", language)) + "</p>");
            }
            case "/subscriptions/unsubscribe" -> {
                Optional<Subscriber> subscriber = signed(request, Purpose.UNSUBSCRIBE);
                if (subscriber.isEmpty()) {
                    unknownLink(request, response);
                    return;
                }
                subscriptions.leave(subscriber.get().id());
                LanguageTag language = subscriber.get().firstLanguage();
                page(response, 200, language, text("subscribe.leave", language), "<p>" + esc(text("subscription.left", language)) + "</p>");
            }
            case "/subscriptions/preferences" -> {
                Optional<Subscriber> subscriber = signed(request, Purpose.PREFERENCES);
                if (subscriber.isEmpty()) {
                    unknownLink(request, response);
                    return;
                }
                savePreferences(request, response, subscriber.get());
            }
            default -> response.sendError(405);
        }
    }

    private void savePreferences(HttpServletRequest request, HttpServletResponse response, Subscriber subscriber) throws IOException {
        LanguageTag language = subscriber.firstLanguage();
        String action = Optional.ofNullable(request.getParameter("action")).orElse("save");
        switch (action) {
            case "leave" -> {
                subscriptions.leave(subscriber.id());
                page(response, 200, language, text("subscribe.leave", language), "<p>" + esc(text("subscription.left", language)) + "</p>");
            }
            case "erase" -> {
                records.erase(subscriber.id());
                page(response, 200, language, text("subscription.erase", language), "<p>" + esc(text("subscription.erased", language)) + "</p>");
            }
            default -> {
                List<String> chosen = new ArrayList<>();
                for (String field : List.of("language1", "language2", "language3")) {
                    String value = request.getParameter(field);
                    if (value != null && !value.isBlank()) {
                        chosen.add(value);
                    }
                }
                String[] topicValues = request.getParameterValues("topic");
                try {
                    List<LanguageTag> chosenLanguages = subscriptions.languages(chosen);
                    Set<String> chosenTopics = topics.parse(topicValues == null ? List.of() : List.of(topicValues));
                    Subscriber saved = subscriptions.choose(subscriber.id(), chosenLanguages, chosenTopics, request.getParameter("pause") != null);
                    preferences(request, response, saved, text("subscription.saved", saved.firstLanguage()));
                } catch (IllegalArgumentException e) {
                    response.setStatus(400);
                    preferences(request, response, subscriber, e.getMessage());
                }
            }
        }
    }

    private void preferences(HttpServletRequest request, HttpServletResponse response, Subscriber subscriber, String notice) throws IOException {
        LanguageTag language = subscriber.firstLanguage();
        String query = esc(request.getQueryString());
        StringBuilder body = new StringBuilder();
        if (notice != null) {
            body.append("<p role=\"status\"><strong>").append(esc(notice)).append("</strong></p>");
        }
        body.append("<p>").append(esc(subscriber.email())).append("</p>");
        body.append("<form method=\"post\" action=\"preferences?").append(query).append("\">");
        body.append("<fieldset><legend>").append(esc(text("subscribe.languages", language))).append("</legend>");
        List<LanguageTag> current = subscriber.languages();
        for (int i = 0; i < 3; i++) {
            LanguageTag selected = i < current.size() ? current.get(i) : null;
            body.append("<label>").append(i + 1).append(". <select name=\"language").append(i + 1).append("\">");
            if (i > 0) {
                body.append("<option value=\"\">—</option>");
            }
            Set<LanguageTag> options = new LinkedHashSet<>();
            if (selected != null) {
                options.add(selected);
            }
            languages.languages().stream().map(Language::tag).forEach(options::add);
            for (LanguageTag option : options) {
                String name = languages.offers(option) ? languages.language(option).nativeName() : option.value();
                body.append("<option value=\"").append(esc(option.value())).append("\" lang=\"").append(esc(option.value())).append("\"")
                        .append(option.equals(selected) ? " selected" : "").append(">").append(esc(name)).append("</option>");
            }
            body.append("</select></label>");
        }
        body.append("</fieldset><fieldset><legend>").append(esc(text("subscribe.topics", language))).append("</legend>");
        for (String topic : topics.all()) {
            body.append("<label><input type=\"checkbox\" name=\"topic\" value=\"").append(esc(topic)).append("\"")
                    .append(subscriber.topics().contains(topic) ? " checked" : "").append("> ")
                    .append(esc(text("topic." + topic, language))).append("</label>");
        }
        body.append("</fieldset><label><input type=\"checkbox\" name=\"pause\"").append(subscriber.paused() ? " checked" : "")
                .append("> ").append(esc(text("subscription.pause", language))).append("</label>");
        body.append("<button type=\"submit\" name=\"action\" value=\"save\">").append(esc(text("subscription.save", language))).append("</button>");
        body.append("<button type=\"submit\" name=\"action\" value=\"leave\">").append(esc(text("subscribe.leave", language))).append("</button>");
        body.append("<button type=\"submit\" name=\"action\" value=\"erase\">").append(esc(text("subscription.erase", language))).append("</button>");
        body.append("</form><p><a href=\"data?").append(query).append("\">").append(esc(text("subscription.download", language))).append("</a></p>");
        page(response, response.getStatus() == 0 ? 200 : response.getStatus(), language, text("subscription.preferences-title", language), body.toString());
    }

    private Optional<Subscriber> signed(HttpServletRequest request, Purpose purpose) {
        return subscriptions.bySignedLink(purpose, request.getParameter("s"), request.getParameter("t"));
    }

    private void unknownLink(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LanguageTag language = languages.source();
        page(response, 404, language, text("subscription.confirm-title", language), "<p>" + esc(text("subscription.link-unknown", language)) + "</p>");
    }

    private void page(HttpServletResponse response, int status, LanguageTag language, String title, String body) throws IOException {
        LanguageTag served = languages.chain(language).first();
        HtmlPage.write(response, status, served.value(), languages.direction(served), title, body);
    }

    private String text(String key, LanguageTag language, Object... arguments) {
        return ui.text(key, language, arguments);
    }

    private static String esc(String text) {
        return HtmlPage.escape(text);
    }
}
