package org.internationale.publishing.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
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
import org.internationale.publishing.control.DocumentReader;
import org.internationale.publishing.entity.DocumentType;
import org.internationale.site.boundary.KeptRendered;

/** Published updates, statements and pages for readers, in their language with honest fallback flags. */
@KeptRendered
@Path("documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {

    @Inject
    DocumentReader reader;

    @Inject
    LanguageNegotiator negotiator;

    @GET
    public Response list(@QueryParam("type") String type, @QueryParam("demand") String demand, @QueryParam("lang") String lang,
                         @QueryParam("page") @DefaultValue("1") int page, @QueryParam("sort") @DefaultValue("date") String sort,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Negotiated negotiated = negotiator.negotiate(lang, accept);
        if (page < 1 || page > 10_000) {
            throw new BadRequestException("page must be between 1 and 10000.");
        }
        if (!sort.equals("date") && !sort.equals("title")) {
            throw new BadRequestException("sort is date or title.");
        }
        DocumentType documentType = null;
        if (type != null && !type.isBlank()) {
            try {
                documentType = DocumentType.parse(type);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        }
        return localized(negotiated, reader.list(documentType, demand == null || demand.isBlank() ? null : demand, negotiated, page,
                sort.equals("title")));
    }

    @GET
    @Path("{id}")
    public Response one(@PathParam("id") long id, @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Negotiated negotiated = negotiator.negotiate(lang, accept);
        return localized(negotiated, reader.one(id, negotiated)
                .orElseThrow(() -> new NotFoundException("No published document has the id " + id + ".")));
    }

    static Response localized(Negotiated negotiated, Object entity) {
        return Response.ok(entity).header(HttpHeaders.CONTENT_LANGUAGE, negotiated.tag().value())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }
}
