package org.internationale.subscribers.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.site.boundary.PlainPages;
import org.internationale.site.control.Ui;
import org.internationale.subscribers.control.SubscriberLinks.Purpose;
import org.internationale.subscribers.control.SubscriberRecords;
import org.internationale.subscribers.control.Subscriptions;
import org.internationale.subscribers.control.Topics;
import org.internationale.subscribers.entity.Subscriber;
import org.internationale.subscribers.entity.SubscriberState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    LanguageRegistry languages;

    @Inject
    Topics topics;

    @Inject
    PlainPages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "/subscriptions/confirm" -> {
                String token = request.getParameter("token");
                Optional<Subscriber> pending = subscriptions.pending(token);
                if (pending.isEmpty()) {
                    unknownLink(response);
                    return;
                }
                pages.send(response, 200, pages.ui(pending.get().firstLanguage()), "subscribers/boundary/confirm.jte",
                        Map.of("email", pending.get().email(), "token", token));
            }
            case "/subscriptions/unsubscribe" -> {
                Optional<Subscriber> subscriber = signed(request, Purpose.UNSUBSCRIBE);
                if (subscriber.isEmpty()) {
                    unknownLink(response);
                    return;
                }
                Ui ui = pages.ui(subscriber.get().firstLanguage());
                if (subscriber.get().state() == SubscriberState.LEFT) {
                    pages.message(response, 200, ui, ui.t("subscribe.leave"), ui.t("subscription.left"));
                    return;
                }
                pages.send(response, 200, ui, "subscribers/boundary/leave.jte",
                        Map.of("email", subscriber.get().email(), "query", query(request)));
            }
            case "/subscriptions/preferences" -> {
                Optional<Subscriber> subscriber = signed(request, Purpose.PREFERENCES);
                if (subscriber.isEmpty()) {
                    unknownLink(response);
                    return;
                }
                preferences(request, response, 200, subscriber.get(), null);
            }
            case "/subscriptions/data" -> {
                Optional<Subscriber> subscriber = signed(request, Purpose.PREFERENCES);
                if (subscriber.isEmpty()) {
                    unknownLink(response);
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
                    unknownLink(response);
                    return;
                }
                Ui ui = pages.ui(confirmed.get().firstLanguage());
                pages.message(response, 200, ui, ui.t("subscription.confirm-title"), ui.t("subscription.confirmed"));
            }
            case "/subscriptions/unsubscribe" -> {
                Optional<Subscriber> subscriber = signed(request, Purpose.UNSUBSCRIBE);
                if (subscriber.isEmpty()) {
                    unknownLink(response);
                    return;
                }
                subscriptions.leave(subscriber.get().id());
                Ui ui = pages.ui(subscriber.get().firstLanguage());
                pages.message(response, 200, ui, ui.t("subscribe.leave"), ui.t("subscription.left"));
            }
            case "/subscriptions/preferences" -> {
                Optional<Subscriber> subscriber = signed(request, Purpose.PREFERENCES);
                if (subscriber.isEmpty()) {
                    unknownLink(response);
                    return;
                }
                savePreferences(request, response, subscriber.get());
            }
            default -> response.sendError(405);
        }
    }

    private void savePreferences(HttpServletRequest request, HttpServletResponse response, Subscriber subscriber) throws IOException {
        Ui ui = pages.ui(subscriber.firstLanguage());
        String action = Optional.ofNullable(request.getParameter("action")).orElse("save");
        switch (action) {
            case "leave" -> {
                subscriptions.leave(subscriber.id());
                pages.message(response, 200, ui, ui.t("subscribe.leave"), ui.t("subscription.left"));
            }
            case "erase" -> {
                records.erase(subscriber.id());
                pages.message(response, 200, ui, ui.t("subscription.erase"), ui.t("subscription.erased"));
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
                    preferences(request, response, 200, saved, pages.ui(saved.firstLanguage()).t("subscription.saved"));
                } catch (IllegalArgumentException e) {
                    preferences(request, response, 400, subscriber, e.getMessage());
                }
            }
        }
    }

    private void preferences(HttpServletRequest request, HttpServletResponse response, int status, Subscriber subscriber, String notice)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("preferences", subscriptions.preferences(subscriber));
        model.put("notice", notice);
        model.put("query", query(request));
        pages.send(response, status, pages.ui(subscriber.firstLanguage()), "subscribers/boundary/preferences.jte", model);
    }

    private Optional<Subscriber> signed(HttpServletRequest request, Purpose purpose) {
        return subscriptions.bySignedLink(purpose, request.getParameter("s"), request.getParameter("t"));
    }

    private static String query(HttpServletRequest request) {
        return Optional.ofNullable(request.getQueryString()).orElse("");
    }

    private void unknownLink(HttpServletResponse response) throws IOException {
        Ui ui = pages.ui(languages.source());
        pages.message(response, 404, ui, ui.t("subscription.confirm-title"), ui.t("subscription.link-unknown"));
    }
}
