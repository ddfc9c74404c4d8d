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
import org.internationale.site.boundary.KeptRendered;

import java.time.Instant;
import java.util.List;

/** The platform's numbered editions and the changes between two of them. */
@KeptRendered
@Path("platform/editions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EditionsResource {

    @Inject
    EditionArchive editions;

    @Inject
    LanguageNegotiator negotiator;

    public record EditionInfo(int number, Instant publishedAt, String note) {
    }

    @GET
    public List<EditionInfo> all() {
        return editions.all().stream().map(e -> new EditionInfo(e.number(), e.publishedAt(), e.note())).toList();
    }

    @GET
    @Path("{a}/diff/{b}")
    public Response diff(@PathParam("a") int a, @PathParam("b") int b, @QueryParam("lang") String lang,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Negotiated negotiated = negotiator.negotiate(lang, accept);
        return PlatformResource.localized(negotiated, editions.diff(a, b, negotiated.tag())
                .orElseThrow(() -> new NotFoundException("There is no edition " + (editions.find(a).isEmpty() ? a : b) + ".")));
    }
}
