package org.internationale.publishing.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.internationale.api.boundary.Problem;
import org.internationale.locale.control.LanguageNegotiator;
import org.internationale.locale.entity.Negotiated;
import org.internationale.mailing.control.MailRequestThrottle;
import org.internationale.mailing.entity.EmailAddress;
import org.internationale.publishing.control.DocumentEditor;
import org.internationale.publishing.control.DocumentReader;
import org.internationale.publishing.control.SignatureWorkflow;
import org.internationale.publishing.entity.Document;
import org.internationale.publishing.entity.DocumentType;
import org.internationale.publishing.entity.Signature;
import org.internationale.system.control.ClientAddress;
import org.internationale.system.control.PublicAddress;
import org.internationale.text.control.SegmentStore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Organisations co-sign a published statement; readers see the confirmed and approved signatures. Signing sends
 * mail at a stranger's request, so it shares the subscribe form's limits ({@link MailRequestThrottle}).
 */
@Path("statements/{id}/signatures")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SignaturesResource {

    @Inject
    SignatureWorkflow signatures;

    @Inject
    DocumentEditor documents;

    @Inject
    DocumentReader reader;

    @Inject
    LanguageNegotiator negotiator;

    @Inject
    SegmentStore segments;

    @Inject
    PublicAddress publicAddress;

    @Inject
    ClientAddress clients;

    @Inject
    MailRequestThrottle throttle;

    /** Request body; a class, not a record: Payara's OpenAPI scanner fails on validated record components. */
    public static class Signing {
        public @NotBlank @Size(max = Signature.MAX_ORGANISATION) String organisation;
        public @NotBlank @Size(max = Signature.MAX_COUNTRY) String country;
        public @NotNull @Size(max = EmailAddress.MAX_LENGTH) String email;
    }

    public record Accepted(String message) {
    }

    public record Signatory(String organisation, String country, Instant signedAt, int statementRevision, boolean statementChangedSince) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sign(@PathParam("id") long id, @Valid @NotNull Signing signing, @QueryParam("lang") String lang,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept, @Context HttpServletRequest http) {
        Optional<Duration> wait = throttle.admit(clients.of(http), signing.email);
        if (wait.isPresent()) {
            return Problem.tooManyRequests("Too many requests from your address or for this mailbox; please try again later.",
                    wait.get());
        }
        Negotiated negotiated = negotiator.negotiate(lang, accept);
        Document statement = statement(id);
        String title = reader.one(id, negotiated).orElseThrow().title();
        try {
            signatures.sign(statement, signing.organisation.strip(), signing.country.strip(), signing.email.strip(), negotiated.tag(),
                    title, publicAddress.origin(http) + "/statements/confirm");
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return Response.accepted(new Accepted("Check the mailbox of " + signing.email.strip()
                + ": the signature counts once confirmed there and reviewed by our editors.")).build();
    }

    @GET
    public List<Signatory> shown(@PathParam("id") long id) {
        Document statement = statement(id);
        int lastMeaning = segments.find(statement.bodyKey()).orElseThrow().lastMeaningRevision();
        return signatures.of(id).stream().filter(Signature::shown)
                .map(s -> new Signatory(s.organisation(), s.country(), s.confirmedAt().orElseThrow(), s.statementRevision(),
                        lastMeaning > s.statementRevision()))
                .toList();
    }

    private Document statement(long id) {
        return documents.find(id).filter(d -> d.type() == DocumentType.STATEMENT && d.isLive())
                .orElseThrow(() -> new NotFoundException("No published statement has the id " + id + "."));
    }
}
