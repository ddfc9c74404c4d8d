package org.internationale.publishing.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.platform.control.PlatformReader;
import org.internationale.publishing.control.DocumentEditor;
import org.internationale.publishing.control.Publisher;
import org.internationale.publishing.entity.Document;
import org.internationale.publishing.entity.DocumentType;
import org.internationale.text.entity.ChangeKind;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Editors write, review, schedule, publish and unpublish documents; translations go through the translation workflow. */
@Path("admin/documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsAdminResource {

    @Inject
    DocumentEditor editor;

    @Inject
    Publisher publisher;

    @Inject
    Permissions permissions;

    @Inject
    LanguageRegistry languages;

    @Inject
    PlatformReader platform;

    /** Request body; a class, not a record: Payara's OpenAPI scanner fails on validated record components. */
    public static class NewDocument {
        public @NotNull String type;
        public @NotNull String language;
        public @NotBlank @Size(max = 500) String title;
        public @Size(max = 2000) String summary;
        public @NotBlank @Size(max = 200_000) String body;
        public List<String> demands;
        public @Pattern(regexp = Document.SLUG) String slug;
    }

    /** Request body: changed texts (null = unchanged), the document revision edited and the kind of change. */
    public static class DocumentChange {
        public @NotNull Integer baseRevision;
        public @NotNull String changeKind;
        public @Size(max = 500) String title;
        public @Size(max = 2000) String summary;
        public @Size(max = 200_000) String body;
        public List<String> demands;
        public @Size(max = 500) String message;
    }

    /** Request body: {@code languages} for a coordinated release, {@code at} (ISO-8601) to schedule. */
    public static class Publication {
        public List<String> languages;
        public String at;
    }

    public record Created(long id, String titleId, String summaryId, String bodyId) {
    }

    public record State(long id, String type, String sourceLanguage, String state, int revision, Instant publishAt, Instant publishedAt,
                        boolean coordinated, List<String> releaseLanguages, Map<String, Instant> liveLanguages, List<String> demands) {
        static State of(Document d) {
            return new State(d.id(), d.type().label(), d.sourceLanguage().value(), d.state().label(), d.revision(),
                    d.publishAt().orElse(null), d.publishedAt().orElse(null), d.coordinated(),
                    d.releaseLanguages().stream().sorted().toList(), d.liveLanguages(), d.demands().stream().sorted().toList());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NewDocument request, @Context UriInfo uri) {
        String author = permissions.requireAny(Role.EDITOR).username();
        DocumentType type = type(request.type);
        LanguageTag language = LanguageTag.of(request.language);
        if (!languages.offers(language)) {
            throw new BadRequestException(language + " is not an offered language.");
        }
        if (request.slug != null && editor.slugTaken(request.slug)) {
            throw new ClientErrorException("Another document has the slug '" + request.slug + "'.", 409);
        }
        Document document = editor.create(type, language, request.slug,
                new DocumentEditor.Texts(request.title.strip(), request.summary == null ? "" : request.summary.strip(), request.body.strip()),
                demands(request.demands), author);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(document.id())).build())
                .entity(new Created(document.id(), document.titleKey().value(), document.summaryKey().value(), document.bodyKey().value()))
                .build();
    }

    @GET
    public List<State> all() {
        permissions.requireAny(Role.EDITOR);
        return editor.all().stream().map(State::of).toList();
    }

    @GET
    @Path("{id}")
    public State one(@PathParam("id") long id) {
        permissions.requireAny(Role.EDITOR);
        return State.of(document(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public State change(@PathParam("id") long id, @Valid @NotNull DocumentChange change) {
        String author = permissions.requireAny(Role.EDITOR).username();
        document(id);
        ChangeKind kind;
        try {
            kind = ChangeKind.parse(change.changeKind);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        if (change.title != null && change.title.isBlank() || change.body != null && change.body.isBlank()) {
            throw new BadRequestException("title and body may be left out, not emptied.");
        }
        return State.of(editor.update(id, change.baseRevision, new DocumentEditor.Texts(strip(change.title), strip(change.summary),
                strip(change.body)), change.demands == null ? null : demands(change.demands), kind, change.message, author));
    }

    @POST
    @Path("{id}/review")
    public State review(@PathParam("id") long id) {
        permissions.requireAny(Role.EDITOR);
        document(id);
        return State.of(publisher.toReview(id));
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    public State publish(@PathParam("id") long id, Publication publication) {
        permissions.requireAny(Role.EDITOR);
        Document document = document(id);
        Set<String> coordinated = new LinkedHashSet<>();
        Instant at = null;
        if (publication != null) {
            if (publication.languages != null) {
                for (String language : publication.languages) {
                    LanguageTag tag = LanguageTag.of(language);
                    if (!languages.offers(tag)) {
                        throw new BadRequestException(tag + " is not an offered language.");
                    }
                    if (!tag.equals(document.sourceLanguage())) {
                        coordinated.add(tag.value());
                    }
                }
            }
            if (publication.at != null && !publication.at.isBlank()) {
                try {
                    at = Instant.parse(publication.at);
                } catch (DateTimeParseException e) {
                    throw new BadRequestException("at must be an ISO-8601 instant such as 2026-12-01T08:00:00Z.");
                }
            }
        }
        return State.of(publisher.publish(id, coordinated, at));
    }

    @POST
    @Path("{id}/unpublish")
    public State unpublish(@PathParam("id") long id) {
        permissions.requireAny(Role.EDITOR);
        document(id);
        return State.of(publisher.unpublish(id));
    }

    private Document document(long id) {
        return editor.find(id).orElseThrow(() -> new NotFoundException("There is no document " + id + "."));
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static DocumentType type(String text) {
        try {
            return DocumentType.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private Set<String> demands(List<String> requested) {
        Set<String> demands = new LinkedHashSet<>();
        if (requested != null) {
            for (String clause : requested) {
                if (!platform.isDemand(clause)) {
                    throw new BadRequestException("'" + clause + "' is not a demand of the platform.");
                }
                demands.add(clause);
            }
        }
        return demands;
    }
}
