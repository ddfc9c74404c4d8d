package org.internationale.subscribers.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.internationale.api.boundary.Problem;
import org.internationale.mailing.control.MailRequestThrottle;
import org.internationale.subscribers.control.Subscriptions;
import org.internationale.subscribers.control.Topics;
import org.internationale.system.control.ClientAddress;
import org.internationale.system.control.PublicAddress;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Anyone may ask to subscribe. The answer is 202 whether or not the address is known, so the endpoint cannot be used
 * to find out who reads the newsletter; what happens next is told to the mailbox's owner only.
 */
@Path("subscriptions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionsResource {

    @Inject
    Subscriptions subscriptions;

    @Inject
    ClientAddress clients;

    @Inject
    MailRequestThrottle throttle;

    @Inject
    Topics topics;

    @Inject
    PublicAddress publicAddress;

    @Context
    HttpServletRequest http;

    /** Request body; a class, not a record: Payara's OpenAPI scanner fails on validated record components. */
    public static class SubscribeRequest {
        public @NotNull @Size(max = 254) String email;
        public @Size(max = 10) List<String> languages;
        public @Size(max = 20) List<String> topics;
    }

    public record Accepted(String message) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response subscribe(@Valid @NotNull SubscribeRequest body) {
        // everything is checked before anything happens: no mail, no row, not even a count against the throttle
        Subscriptions.Request request;
        try {
            request = subscriptions.request(body.email, body.languages, body.topics);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        Optional<Duration> wait = throttle.admit(clients.of(http), body.email);
        if (wait.isPresent()) {
            return Problem.tooManyRequests("Too many requests from your address or for this mailbox; please try again later.",
                    wait.get());
        }
        subscriptions.subscribe(request, publicAddress.base(http));
        return Response.accepted(new Accepted("If the address can receive mail, a message with a confirmation link is on its way."))
                .build();
    }

    /** The topics one can subscribe to. */
    @GET
    @Path("topics")
    public Map<String, List<String>> topics() {
        return Map.of("topics", topics.all());
    }
}
