package org.internationale.demands.boundary;

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
import org.internationale.demands.control.DemandBoard;
import org.internationale.locale.control.LanguageNegotiator;
import org.internationale.locale.entity.Negotiated;
import org.internationale.site.boundary.KeptRendered;

import java.util.List;

/** {@code GET /api/demands?lang=}: every demand with its status, timeline and latest updates. */
@KeptRendered
@Path("demands")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DemandsResource {

    @Inject
    DemandBoard demands;

    @Inject
    LanguageNegotiator negotiator;


    @GET
    public Response all(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Negotiated negotiated = negotiator.negotiate(lang, accept);
        List<DemandBoard.Demand> all = demands.all(negotiated);
        return Response.ok(all).header(HttpHeaders.CONTENT_LANGUAGE, negotiated.tag().value())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    @GET
    @Path("{id}")
    public Response one(@PathParam("id") String id, @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Negotiated negotiated = negotiator.negotiate(lang, accept);
        DemandBoard.Demand demand = demands.all(negotiated).stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("The platform has no demand '" + id + "'."));
        return Response.ok(demand).header(HttpHeaders.CONTENT_LANGUAGE, negotiated.tag().value()).build();
    }
}
