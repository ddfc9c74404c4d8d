package org.internationale.translation.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Caller;
import org.internationale.identity.entity.Role;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.translation.control.Glossary;
import org.internationale.translation.entity.GlossaryTerm;

import java.util.List;

/**
 * Each language's approved terms. Everyone who works on a language reads them; its reviewers and editors set them.
 */
@Path("admin/glossary/{lang}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GlossaryResource {

    @Inject
    Glossary glossary;

    @Inject
    Permissions permissions;

    /** Request body; a class, not a record: Payara's OpenAPI scanner fails on validated record components. */
    public static class NewTerm {
        public @NotBlank @Size(max = 200) String sourceTerm;
        public @Size(max = 200) String targetTerm;
        public boolean doNotTranslate;
        public @Size(max = 1000) String note;
    }

    public record TermView(long id, String language, String sourceTerm, String targetTerm, boolean doNotTranslate, String note,
                           String createdBy) {
        static TermView of(GlossaryTerm term) {
            return new TermView(term.id(), term.language(), term.sourceTerm(), term.expected(), term.doNotTranslate(), term.note(),
                    term.createdBy());
        }
    }

    @GET
    public List<TermView> terms(@PathParam("lang") String lang) {
        LanguageTag language = LanguageTag.of(lang);
        permissions.requireReader(language.value());
        return glossary.of(language).stream().map(TermView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("lang") String lang, @Valid @NotNull NewTerm term) {
        LanguageTag language = LanguageTag.of(lang);
        Caller caller = curator(language);
        if (!term.doNotTranslate && (term.targetTerm == null || term.targetTerm.isBlank())) {
            throw new BadRequestException("Give targetTerm, or set doNotTranslate for a name that stays as it is.");
        }
        GlossaryTerm added = glossary.add(language, term.sourceTerm.strip(), term.targetTerm == null ? null : term.targetTerm.strip(),
                term.doNotTranslate, term.note, caller.username())
                .orElseThrow(() -> new ClientErrorException("The " + language + " glossary has “" + term.sourceTerm.strip()
                        + "” already; remove it first to change it.", 409));
        return Response.status(Response.Status.CREATED).entity(TermView.of(added)).build();
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("lang") String lang, @PathParam("id") long id) {
        LanguageTag language = LanguageTag.of(lang);
        curator(language);
        if (!glossary.remove(language, id)) {
            throw new NotFoundException("The " + language + " glossary has no term " + id + ".");
        }
        return Response.noContent().build();
    }

    private Caller curator(LanguageTag language) {
        Caller caller = permissions.caller();
        if (caller.has(Role.EDITOR)) {
            return caller;
        }
        return permissions.require(Role.REVIEWER, language.value());
    }
}
