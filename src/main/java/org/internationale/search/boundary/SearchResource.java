package org.internationale.search.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
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
import org.internationale.search.control.Searcher;
import org.internationale.site.boundary.KeptRendered;

import java.util.Set;

/**
 * {@code GET /api/search?q=&lang=&type=&demand=&page=&size=}. Answers are kept as written per address and
 * {@code Accept-Language} ({@link KeptRendered}); the index forgets them whenever it changes.
 */
@Path("search")
@KeptRendered
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private static final Set<String> TYPES = Set.of("platform", "update", "statement", "page", "newsletter");

    @Inject
    Searcher searcher;

    @Inject
    LanguageNegotiator negotiator;


    @GET
    public Response search(@QueryParam("q") String q, @QueryParam("lang") String lang, @QueryParam("type") String type,
                           @QueryParam("demand") String demand, @QueryParam("page") @DefaultValue("1") int page,
                           @QueryParam("size") @DefaultValue("10") int size, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Negotiated negotiated = negotiator.negotiate(lang, accept);
        if (page < 1 || page > 1000 || size < 1 || size > 50) {
            throw new BadRequestException("page is 1 to 1000 and size 1 to 50.");
        }
        if (type != null && !type.isBlank() && !TYPES.contains(type)) {
            throw new BadRequestException("type is one of " + TYPES + ".");
        }
        return Response.ok(searcher.search(q, negotiated, type == null || type.isBlank() ? null : type,
                        demand == null || demand.isBlank() ? null : demand, page, size))
                .header(HttpHeaders.CONTENT_LANGUAGE, negotiated.tag().value())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }
}
