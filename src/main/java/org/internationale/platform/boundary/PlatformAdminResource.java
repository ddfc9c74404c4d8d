package org.internationale.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.platform.control.EditionArchive;
import org.internationale.platform.control.PlatformReader;
import org.internationale.platform.entity.ClauseForm;
import org.internationale.platform.entity.PlatformText;
import org.internationale.text.control.SourceEditor;
import org.internationale.text.entity.ChangeKind;
import org.internationale.text.entity.SourceRevision;

import java.util.Optional;

/**
 * Editors revise the platform's source text, clauses and section headings alike ({@code introduction.title}); every
 * change names its kind and the revision it was based on.
 */
@Path("admin/platform")
@RequestScoped
public class PlatformAdminResource {

    private static final int MAX_TEXT = 20_000;

    @Inject
    PlatformReader reader;

    @Inject
    SourceEditor editor;

    @Inject
    Permissions permissions;

    public record ClauseRevision(String text, Integer baseRevision, String changeKind, String message) {
    }

    /** Request body: a note saying what the edition is (a congress, a vote). */
    public static class NewEdition {
        public String note;
    }

    public record Published(int number, java.time.Instant publishedAt) {
    }

    @Inject
    EditionArchive editions;

    /** Publishes the platform as it stands, in every language, as the next numbered edition. */
    @jakarta.ws.rs.POST
    @Path("editions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response publishEdition(NewEdition edition) {
        String author = permissions.requireAny(Role.EDITOR).username();
        String note = edition == null ? null : edition.note;
        if (note != null && note.length() > EditionArchive.MAX_NOTE) {
            throw new BadRequestException("note is longer than " + EditionArchive.MAX_NOTE + " characters.");
        }
        var published = editions.publish(note, author);
        return Response.status(Response.Status.CREATED).entity(new Published(published.number(), published.publishedAt())).build();
    }

    public record Revised(String id, int revision, String changeKind, boolean changed) {
    }

    @PUT
    @Path("clauses/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revise(@PathParam("id") String id, ClauseRevision body) {
        String author = permissions.requireAny(Role.EDITOR).username();
        if (body == null) {
            throw new BadRequestException("Send {text, baseRevision, changeKind, message}.");
        }
        if (body.text() == null || body.text().isBlank()) {
            throw new BadRequestException("text must not be empty.");
        }
        if (body.text().length() > MAX_TEXT) {
            throw new BadRequestException("text is longer than " + MAX_TEXT + " characters.");
        }
        if (body.baseRevision() == null) {
            throw new BadRequestException("baseRevision is required: the source revision your edit starts from.");
        }
        if (body.message() != null && body.message().length() > 500) {
            throw new BadRequestException("message is longer than 500 characters.");
        }
        ChangeKind kind;
        try {
            kind = ChangeKind.parse(body.changeKind());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        PlatformText text = reader.text(id).orElseThrow(() -> new NotFoundException("The platform has no clause or heading '" + id + "'."));
        String revised = body.text().strip();
        if (text.form() == ClauseForm.TITLE && revised.contains("\n")) {
            throw new BadRequestException("A heading is one line: remove the line breaks.");
        }
        Optional<SourceRevision> revision = editor.revise(text.segment().key(), revised, body.baseRevision(), kind,
                author, body.message());
        return Response.ok(revision
                .map(r -> new Revised(id, r.number(), r.changeKind().label(), true))
                .orElseGet(() -> new Revised(id, body.baseRevision(), null, false))).build();
    }
}
