package org.internationale.mailing.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.mailing.control.BounceMailbox;

import java.util.Map;

/** Reads the bounce mailbox now instead of at the next half minute, e.g. after fixing its configuration. */
@Path("admin/bounces")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BouncesResource {

    @Inject
    BounceMailbox mailbox;

    @Inject
    Permissions permissions;

    @POST
    @Path("check")
    public Map<String, Integer> check() {
        permissions.requireAny(Role.ADMIN);
        // asked before the call: an exception the singleton throws reaches us wrapped by the EJB container
        if (!mailbox.configured()) {
            throw new ClientErrorException("No bounce mailbox is configured: set BOUNCE_MAILBOX (e.g. imaps://user:password@host/INBOX).", 409);
        }
        try {
            return Map.of("handled", mailbox.check());
        } catch (MessagingException e) {
            throw new WebApplicationException("The bounce mailbox could not be read: " + e.getMessage(), 502);
        }
    }
}
