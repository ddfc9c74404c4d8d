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
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.SegmentKey;
import org.internationale.text.entity.Translation;
import org.internationale.text.entity.TranslationState;
import org.internationale.translation.control.TranslationWorkflow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Translators read and save translations of any segment (a platform clause id is a segment id) in the languages
 * granted to them; reviewers approve in theirs.
 */
@Path("admin/translations/{lang}/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TranslationsResource {

    @Inject
    Permissions permissions;

    @Inject
    SegmentStore segments;

    @Inject
    TranslationWorkflow workflow;

    @Inject
    LanguageRegistry languages;

    /** Request body; a class, not a record: Payara's OpenAPI scanner fails on validated record components. */
    public static class Edit {
        public @NotNull @NotBlank @Size(max = 20_000) String text;
        public @NotNull @Min(0) Integer baseRevision;
        public @Min(1) Integer sourceRevision;
        public String translatedFrom;
        public @Size(max = 500) String message;
    }

    /** Request body; a class, not a record: Payara's OpenAPI scanner fails on validated record components. */
    public static class Approval {
        public @NotNull @Min(1) Integer revision;
    }

    public record Revision(int number, String text, int basedOnRevision, String translatedFrom, String author, Instant time, String message) {
    }

    public record View(String id, String language, String state, String reviewState, int sourceRevision, String sourceText,
                       Integer basedOnRevision, String basedOnSourceText, String text, Integer revision, List<Revision> history) {
    }

    @GET
    public View view(@PathParam("lang") String lang, @PathParam("id") String id) {
        LanguageTag language = offered(lang);
        permissions.requireAny(Role.TRANSLATOR, Role.REVIEWER, Role.EDITOR);
        Segment segment = segment(id);
        return view(segment, language, workflow.translation(segment, language));
    }

    @PUT
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
        TranslationWorkflow.Saved saved = workflow.save(segment, language, edit.text.strip(), edit.baseRevision,
                edit.sourceRevision, pivot, author, edit.message);
        return view(segment(id), language, Optional.of(saved.translation()));
    }

    @POST
    @Path("approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public View approve(@PathParam("lang") String lang, @PathParam("id") String id, @Valid @NotNull Approval approval) {
        LanguageTag language = offered(lang);
        String reviewer = permissions.require(Role.REVIEWER, language.value()).username();
        Segment segment = segment(id);
        if (workflow.translation(segment, language).filter(t -> !t.revisions().isEmpty()).isEmpty()) {
            throw new NotFoundException("There is no " + language + " translation of " + id + " to approve.");
        }
        Translation translation = workflow.approve(segment.key(), language, approval.revision, reviewer);
        return view(segment(id), language, Optional.of(translation));
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

    private static View view(Segment segment, LanguageTag language, Optional<Translation> translation) {
        var latestSource = segment.latest();
        Optional<Translation> present = translation.filter(t -> !t.revisions().isEmpty());
        TranslationState state = segment.stateOf(present.orElse(null));
        Integer basedOn = present.map(t -> t.latest().basedOnRevision()).orElse(null);
        String basedOnText = basedOn == null ? null : segment.revision(basedOn).map(r -> r.text()).orElse(null);
        List<Revision> history = present.map(t -> t.revisions().stream().map(r -> new Revision(r.number(), r.text(),
                r.basedOnRevision(), r.translatedFrom().map(LanguageTag::value).orElse(null), r.author(), r.createdAt(), r.message()))
                .toList()).orElse(List.of());
        return new View(segment.key().value(), language.value(), state.label(),
                present.map(t -> t.reviewState().label()).orElse(null), latestSource.number(), latestSource.text(),
                basedOn, basedOnText, present.map(t -> t.latest().text()).orElse(null),
                present.map(t -> t.latest().number()).orElse(null), history);
    }
}
