package org.internationale.subscribers.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.internationale.api.entity.RetryAfter;
import org.internationale.mailing.control.MailRequestThrottle;
import org.internationale.site.boundary.ReaderPages;
import org.internationale.site.boundary.ReaderRequest;
import org.internationale.subscribers.control.Subscriptions;
import org.internationale.subscribers.control.Topics;
import org.internationale.system.control.ClientAddress;
import org.internationale.system.control.PublicAddress;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /{lang}/subscribe}: the subscribe form, the double opt-in of {@code POST /api/subscriptions} in the same
 * order — everything checked before anything happens, then the throttle, then the confirmation mail. The page never
 * tells whether an address is known.
 */
@ApplicationScoped
public class SubscribePage implements ReaderPages {

    @Inject
    Subscriptions subscriptions;

    @Inject
    Topics topics;

    @Inject
    MailRequestThrottle mailThrottle;

    @Inject
    ClientAddress clients;

    @Inject
    PublicAddress publicAddress;

    @Override
    public Set<String> sections() {
        return Set.of("subscribe");
    }

    @Override
    public void get(ReaderRequest request) throws IOException {
        if (request.parts().size() != 1) {
            throw request.notFound();
        }
        form(request, Map.of(), Map.of(), request.parameter("sent").isPresent(), 200);
    }

    @Override
    public void post(ReaderRequest request) throws IOException {
        if (request.parts().size() != 1) {
            throw request.notFound();
        }
        Map<String, String> form = request.form("email");
        List<String> chosen = request.parameters("language").stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (form.get("email").isEmpty()) {
            form(request, form, Map.of("email", request.ui().t("form.required")), false, 400);
            return;
        }
        Subscriptions.Request subscription;
        try {
            subscription = subscriptions.request(form.get("email"), chosen.isEmpty() ? List.of(request.tag().value()) : chosen,
                    request.parameters("topic"));
        } catch (IllegalArgumentException e) {
            form(request, form, Map.of("email", request.ui().t("form.invalid-email")), false, 400);
            return;
        }
        Optional<Duration> wait = mailThrottle.admit(clients.of(request.http()), form.get("email"));
        if (wait.isPresent()) {
            request.response().setHeader("Retry-After", Long.toString(RetryAfter.seconds(wait.get())));
            form(request, form, Map.of("form", request.ui().t("subscribe.too-many")), false, 429);
            return;
        }
        subscriptions.subscribe(subscription, publicAddress.base(request.http()));
        request.redirect(303, "/subscribe?sent");
    }

    private void form(ReaderRequest request, Map<String, String> form, Map<String, String> errors, boolean sent, int status)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("sent", sent);
        model.put("topics", topics.all());
        model.put("chosenLanguages", request.parameters("language"));
        request.render("subscribers/boundary/subscribe.jte", model, status);
    }
}
