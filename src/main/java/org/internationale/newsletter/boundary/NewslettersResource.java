package org.internationale.newsletter.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.newsletter.control.NewsletterItems;
import org.internationale.newsletter.control.NewsletterPreview;
import org.internationale.newsletter.entity.Variant;
import org.internationale.publishing.control.DocumentEditor;
import org.internationale.publishing.entity.Document;
import org.internationale.publishing.entity.DocumentType;
import org.internationale.system.control.PublicAddress;

import java.util.List;

/**
 * What a newsletter carries besides its own text (the updates it includes), and how it looks in each language
 * before it is sent. The newsletter itself is a document: written, translated and reviewed like any other.
 */
@Path("admin/newsletters/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NewslettersResource {

    @Inject
    NewsletterItems items;

    @Inject
    NewsletterPreview previews;

    @Inject
    DocumentEditor documents;

    @Inject
    Permissions permissions;

    @Inject
    PublicAddress publicAddress;

    public static class Items {
        public @NotNull @Size(max = 50) List<Long> documentIds;
    }

    public record ItemList(long newsletterId, List<Long> documentIds) {
    }

    public record Preview(String language, String direction, String subject, String html, String text) {
    }

    @GET
    @Path("items")
    public ItemList items(@PathParam("id") long id) {
        permissions.requireAny(Role.EDITOR);
        newsletter(id);
        return new ItemList(id, items.of(id));
    }

    @PUT
    @Path("items")
    @Consumes(MediaType.APPLICATION_JSON)
    public ItemList setItems(@PathParam("id") long id, @Valid @NotNull Items body) {
        permissions.requireAny(Role.EDITOR);
        newsletter(id);
        try {
            return new ItemList(id, items.set(id, body.documentIds));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** The mail as a subscriber reading {@code lang} would get it now (with placeholder footer links). */
    @GET
    @Path("preview")
    public Preview preview(@PathParam("id") long id, @QueryParam("lang") String lang, @Context HttpServletRequest http) {
        LanguageTag asked = lang == null || lang.isBlank() ? null : LanguageTag.of(lang);
        if (asked != null) {
            permissions.requireReader(asked.value());
        }
        Document newsletter = newsletter(id);
        LanguageTag language;
        try {
            language = previews.language(lang, newsletter);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        permissions.requireReader(language.value());
        NewsletterPreview.Preview preview = previews.of(newsletter, language, publicAddress.base(http));
        Variant variant = preview.variant();
        return new Preview(variant.language().value(), variant.direction(), variant.subject(), preview.html(), preview.text());
    }

    private Document newsletter(long id) {
        Document document = documents.find(id).orElseThrow(() -> new NotFoundException("No document " + id + "."));
        if (document.type() != DocumentType.NEWSLETTER) {
            throw new NotFoundException("Document " + id + " is not a newsletter.");
        }
        return document;
    }
}
