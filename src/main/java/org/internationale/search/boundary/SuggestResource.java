package org.internationale.search.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.internationale.locale.control.LanguageNegotiator;
import org.internationale.locale.entity.Negotiated;
import org.internationale.search.control.QueryCompletion;

import java.util.List;

/** {@code GET /api/search/suggest?q=&lang=}: titles for type-ahead, in the reader's language. */
@Path("search/suggest")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SuggestResource {

    @Inject
    QueryCompletion suggestions;

    @Inject
    LanguageNegotiator negotiator;

    public record Suggested(String query, String language, List<String> suggestions) {
    }

    @GET
    public Response suggest(@QueryParam("q") String q, @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Negotiated negotiated = negotiator.negotiate(lang, accept);
        return Response.ok(new Suggested(q, negotiated.tag().value(), suggestions.suggest(q, negotiated.tag(), 8)))
                .header(HttpHeaders.CONTENT_LANGUAGE, negotiated.tag().value()).build();
    }
}
