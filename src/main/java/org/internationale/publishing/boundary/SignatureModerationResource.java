package org.internationale.publishing.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.publishing.control.SignatureWorkflow;
import org.internationale.publishing.entity.Signature;

import java.time.Instant;
import java.util.List;

/** Editors see every signature of a statement, contact included, and approve or reject confirmed ones. */
@Path("admin/statements/{id}/signatures")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SignatureModerationResource {

    @Inject
    SignatureWorkflow signatures;

    @Inject
    Permissions permissions;

    public record Entry(long id, String organisation, String country, String email, String language, boolean confirmed,
                        Instant confirmedAt, String moderation, int statementRevision) {
        static Entry of(Signature s) {
            return new Entry(s.id(), s.organisation(), s.country(), s.email(), s.language(), s.confirmedAt().isPresent(),
                    s.confirmedAt().orElse(null), s.moderation().label(), s.statementRevision());
        }
    }

    @GET
    public List<Entry> all(@PathParam("id") long id) {
        permissions.requireAny(Role.EDITOR);
        return signatures.of(id).stream().map(Entry::of).toList();
    }

    @POST
    @Path("{signature}/approve")
    public Entry approve(@PathParam("id") long id, @PathParam("signature") long signature) {
        return decide(id, signature, Signature.Moderation.APPROVED);
    }

    @POST
    @Path("{signature}/reject")
    public Entry reject(@PathParam("id") long id, @PathParam("signature") long signature) {
        return decide(id, signature, Signature.Moderation.REJECTED);
    }

    private Entry decide(long id, long signature, Signature.Moderation decision) {
        String editor = permissions.requireAny(Role.EDITOR).username();
        return Entry.of(signatures.moderate(id, signature, decision, editor)
                .orElseThrow(() -> new NotFoundException("Statement " + id + " has no signature " + signature + ".")));
    }
}
