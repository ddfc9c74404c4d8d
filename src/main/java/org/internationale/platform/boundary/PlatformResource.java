package org.internationale.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.internationale.locale.control.LanguageNegotiator;
import org.internationale.locale.entity.Negotiated;
import org.internationale.platform.control.EditionArchive;
import org.internationale.platform.control.PlatformReader;
import org.internationale.site.boundary.KeptRendered;

/** The platform for readers, in the negotiated language with honest fallback flags. */
@KeptRendered
@Path("platform")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {

    @Inject
    PlatformReader reader;

    @Inject
    LanguageNegotiator negotiator;

    @Inject
    EditionArchive editions;

    /** The live platform, or with {@code edition=N} that edition as it was published. */
    @GET
    public Response platform(@QueryParam("lang") String lang, @QueryParam("edition") Integer edition,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Negotiated negotiated = negotiator.negotiate(lang, accept);
        if (edition != null) {
            return localized(negotiated, editions.platform(edition, negotiated.tag())
                    .orElseThrow(() -> new NotFoundException("There is no edition " + edition + ".")).toString());
        }
        return localized(negotiated, reader.platform(negotiated));
    }

    @GET
    @Path("clauses/{id}")
    public Response clause(@PathParam("id") String id, @QueryParam("lang") String lang,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Negotiated negotiated = negotiator.negotiate(lang, accept);
        return localized(negotiated, reader.clause(id, negotiated)
                .orElseThrow(() -> new NotFoundException("The platform has no clause or heading '" + id + "'.")));
    }

    @GET
    @Path("clauses/{id}/revisions/{number}")
    public Object revision(@PathParam("id") String id, @PathParam("number") int number) {
        return reader.revision(id, number)
                .orElseThrow(() -> new NotFoundException("'" + id + "' is no clause or heading with a source revision " + number + "."));
    }

    static Response localized(Negotiated negotiated, Object entity) {
        return Response.ok(entity)
                .header(HttpHeaders.CONTENT_LANGUAGE, negotiated.tag().value())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }
}
