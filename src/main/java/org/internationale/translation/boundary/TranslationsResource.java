package org.internationale.translation.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.entity.DiffRun;
import org.internationale.text.entity.PoCatalog;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.SegmentKey;
import org.internationale.text.entity.Translation;
import org.internationale.text.entity.TranslationRevision;
import org.internationale.translation.control.TranslationExchange;
import org.internationale.translation.control.TranslationImport;
import org.internationale.translation.control.TranslationMemory;
import org.internationale.translation.control.TranslationProgress;
import org.internationale.translation.control.TranslationWorkflow;
import org.internationale.translation.entity.ImportReport;
import org.internationale.translation.entity.Progress;
import org.internationale.translation.entity.QaWarning;
import org.internationale.translation.entity.Suggestion;
import org.internationale.translation.entity.TranslationView;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The translation workflow of one language: progress, each text with the source change since its translation, saving
 * with quality warnings, review, restoring, memory suggestions, and files to work offline. Translators act in the
 * languages granted to them, reviewers approve in theirs. Ids are segment ids (a platform clause's id is one).
 */
@Path("admin/translations/{lang}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TranslationsResource {

    static final String PO_TYPE = TranslationExchange.PO_TYPE;
    static final String XLIFF_TYPE = TranslationExchange.XLIFF_TYPE;

    @Inject
    Permissions permissions;

    @Inject
    SegmentStore segments;

    @Inject
    TranslationWorkflow workflow;

    @Inject
    TranslationProgress progress;

    @Inject
    TranslationExchange exchange;

    @Inject
    TranslationImport imports;

    @Inject
    TranslationMemory memory;

    @Inject
    LanguageRegistry languages;

    /** Request body; a class, not a record: Payara's OpenAPI scanner fails on validated record components. */
    public static class Edit {
        public @NotNull @NotBlank @Size(max = TranslationWorkflow.MAX_TEXT) String text;
        public @NotNull @Min(0) Integer baseRevision;
        public @Min(1) Integer sourceRevision;
        public String translatedFrom;
        public @Size(max = TranslationWorkflow.MAX_MESSAGE) String message;
    }

    /** Request body: the translation revision acted on, as the caller saw it. */
    public static class RevisionChoice {
        public @NotNull @Min(1) Integer revision;
        public @Size(max = TranslationWorkflow.MAX_COMMENT) String comment;
        public @Min(0) Integer baseRevision;
    }

    public record Revision(int number, String text, int basedOnRevision, String translatedFrom, String author, Instant time,
                           String message) {
    }

    public record Diff(String op, String text) {
        static List<Diff> of(List<DiffRun> runs) {
            return runs.stream().map(r -> new Diff(r.op().label(), r.text())).toList();
        }
    }

    public record View(String id, String language, String state, String reviewState, String reviewComment, String reviewedBy,
                       int sourceRevision, String sourceText, Integer basedOnRevision, String basedOnSourceText,
                       List<Diff> sourceChanges, String text, Integer revision, List<QaWarning> warnings, List<Revision> history) {
    }

    @GET
    public Progress progress(@PathParam("lang") String lang) {
        LanguageTag language = offered(lang);
        permissions.requireReader(language.value());
        return progress.of(language);
    }

    @GET
    @Path("export.po")
    @Produces(PO_TYPE)
    public Response exportPo(@PathParam("lang") String lang) {
        LanguageTag language = offered(lang);
        permissions.requireReader(language.value());
        return download(exchange.po(language, languages.source()), PO_TYPE, "internationale-" + language + ".po");
    }

    @GET
    @Path("export.xlf")
    @Produces(XLIFF_TYPE)
    public Response exportXliff(@PathParam("lang") String lang) {
        LanguageTag language = offered(lang);
        permissions.requireReader(language.value());
        return download(exchange.xliff(language, languages.source()), XLIFF_TYPE, "internationale-" + language + ".xlf");
    }

    /** A PO or XLIFF 2.0 file, told apart by its content; answers a report per entry. */
    @POST
    @Path("import")
    @Consumes({PO_TYPE, XLIFF_TYPE, "application/xml", "text/xml", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public ImportReport importFile(@PathParam("lang") String lang, byte[] body) {
        LanguageTag language = offered(lang);
        String author = permissions.require(Role.TRANSLATOR, language.value()).username();
        String text = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new BadRequestException("Send a PO or XLIFF 2.0 file as the request body.");
        }
        PoCatalog catalog;
        try {
            catalog = TranslationExchange.read(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("The file cannot be read: " + e.getMessage());
        }
        try {
            return imports.applyExchange(language, catalog, author);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    @GET
    @Path("{id}")
    public View view(@PathParam("lang") String lang, @PathParam("id") String id) {
        LanguageTag language = offered(lang);
        permissions.requireReader(language.value());
        Segment segment = segment(id);
        return view(segment, language);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public View save(@PathParam("lang") String lang, @PathParam("id") String id, @Valid @NotNull Edit edit) {
        LanguageTag language = offered(lang);
        String author = permissions.require(Role.TRANSLATOR, language.value()).username();
        Segment segment = segment(id);
        if (segment.sourceLanguage().equals(language)) {
            throw new BadRequestException(language + " is the source language of " + id + "; change the source instead.");
        }
        if (edit.sourceRevision != null && segment.revision(edit.sourceRevision).isEmpty()) {
            throw new BadRequestException("The source of " + id + " has no revision " + edit.sourceRevision + ".");
        }
        LanguageTag pivot = edit.translatedFrom == null || edit.translatedFrom.isBlank() ? null : LanguageTag.of(edit.translatedFrom);
        workflow.save(segment, language, edit.text.strip(), edit.baseRevision, edit.sourceRevision, pivot, author, edit.message);
        return view(segment, language);
    }

    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    public View submit(@PathParam("lang") String lang, @PathParam("id") String id, @Valid @NotNull RevisionChoice choice) {
        LanguageTag language = offered(lang);
        permissions.require(Role.TRANSLATOR, language.value());
        Segment segment = translated(id, language);
        workflow.submit(segment.key(), language, choice.revision);
        return view(segment, language);
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public View approve(@PathParam("lang") String lang, @PathParam("id") String id, @Valid @NotNull RevisionChoice choice) {
        LanguageTag language = offered(lang);
        String reviewer = permissions.require(Role.REVIEWER, language.value()).username();
        Segment segment = translated(id, language);
        workflow.approve(segment.key(), language, choice.revision, reviewer);
        return view(segment, language);
    }

    @POST
    @Path("{id}/send-back")
    @Consumes(MediaType.APPLICATION_JSON)
    public View sendBack(@PathParam("lang") String lang, @PathParam("id") String id, @Valid @NotNull RevisionChoice choice) {
        LanguageTag language = offered(lang);
        String reviewer = permissions.require(Role.REVIEWER, language.value()).username();
        if (choice.comment == null || choice.comment.isBlank()) {
            throw new BadRequestException("Say what should change: a comment is required to send a translation back.");
        }
        Segment segment = translated(id, language);
        workflow.sendBack(segment.key(), language, choice.revision, reviewer, choice.comment.strip());
        return view(segment, language);
    }

    /** {@code {revision, baseRevision}}: make revision the newest again; baseRevision is the latest the caller saw. */
    @POST
    @Path("{id}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    public View restore(@PathParam("lang") String lang, @PathParam("id") String id, @Valid @NotNull RevisionChoice choice) {
        LanguageTag language = offered(lang);
        String author = permissions.require(Role.TRANSLATOR, language.value()).username();
        Segment segment = translated(id, language);
        Translation translation = workflow.translation(segment, language).orElseThrow();
        if (translation.revisions().stream().noneMatch(r -> r.number() == choice.revision)) {
            throw new NotFoundException("The " + language + " translation of " + id + " has no revision " + choice.revision + ".");
        }
        if (choice.baseRevision == null) {
            throw new BadRequestException("baseRevision is required: the latest revision you saw.");
        }
        workflow.restore(segment.key(), language, choice.revision, choice.baseRevision, author);
        return view(segment, language);
    }

    @GET
    @Path("{id}/suggestions")
    public List<Suggestion> suggestions(@PathParam("lang") String lang, @PathParam("id") String id) {
        LanguageTag language = offered(lang);
        permissions.requireReader(language.value());
        Segment segment = segment(id);
        return memory.suggest(segment.latest().text(), segment.sourceLanguage(), language, 5);
    }

    private static Response download(String body, String type, String filename) {
        return Response.ok(body, type + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    private LanguageTag offered(String lang) {
        LanguageTag language = LanguageTag.of(lang);
        if (!languages.offers(language)) {
            throw new NotFoundException(language + " is not an offered language.");
        }
        return language;
    }

    private Segment segment(String id) {
        SegmentKey key;
        try {
            key = new SegmentKey(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("There is no text with the id '" + id + "'.");
        }
        return segments.find(key).orElseThrow(() -> new NotFoundException("There is no text with the id '" + id + "'."));
    }

    private Segment translated(String id, LanguageTag language) {
        Segment segment = segment(id);
        if (workflow.translation(segment, language).filter(t -> !t.revisions().isEmpty()).isEmpty()) {
            throw new NotFoundException("There is no " + language + " translation of " + id + " yet.");
        }
        return segment;
    }

    /** The JSON face of {@link TranslationView}: null text and revision while there is no translation, history oldest first. */
    private View view(Segment segment, LanguageTag language) {
        TranslationView view = workflow.view(segment, language, permissions.caller());
        List<TranslationRevision> oldestFirst = new ArrayList<>(view.history());
        Collections.reverse(oldestFirst);
        List<Revision> history = oldestFirst.stream().map(r -> new Revision(r.number(), r.text(),
                r.basedOnRevision(), r.translatedFrom().map(LanguageTag::value).orElse(null), r.author(), r.createdAt(), r.message()))
                .toList();
        return new View(view.id(), view.language(), view.state(), view.reviewState(), view.reviewComment(), view.reviewedBy(),
                view.sourceRevision(), view.sourceText(), view.basedOnRevision(), view.basedOnSourceText(), Diff.of(view.sourceChanges()),
                view.translated() ? view.text() : null, view.translated() ? view.revision() : null, view.warnings(), history);
    }
}
