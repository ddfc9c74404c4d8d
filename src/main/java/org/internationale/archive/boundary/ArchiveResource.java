package org.internationale.archive.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.internationale.archive.control.ArchiveWriter;
import org.internationale.archive.control.ArchiveEncryption;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.identity.entity.SecurityEvent;
import org.internationale.system.control.ClientAddress;

import java.time.Clock;

/**
 * {@code GET /api/admin/archive}: for admins, the whole site as one archive (docs/archive.md), streamed as it is
 * written. With the header {@code Archive-Passphrase} it comes encrypted as OpenPGP ({@code .zip.gpg}). Every download
 * is recorded in the audit log: the archive holds password hashes, subscribers' addresses and the site's secrets.
 */
@Path("admin/archive")
@RequestScoped
public class ArchiveResource {

    @Inject
    ArchiveWriter writer;

    @Inject
    Permissions permissions;

    @Inject
    Event<SecurityEvent> security;

    @Inject
    ClientAddress clients;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest request;

    @GET
    public Response archive(@HeaderParam("Archive-Passphrase") String passphrase) {
        String admin = permissions.requireAny(Role.ADMIN).username();
        String secret = passphrase == null || passphrase.isEmpty() ? null : passphrase;
        if (secret != null) {
            ArchiveEncryption.checkPassphrase(secret);
        }
        security.fire(new SecurityEvent(admin, secret == null ? "archive.download" : "archive.download-encrypted", "/api/admin/archive",
                clients.of(request)));
        String name = ArchiveWriter.fileName(clock.instant(), secret != null);
        StreamingOutput body = out -> writer.write(out, secret);
        return Response.ok(body, secret == null ? "application/zip" : "application/pgp-encrypted")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").header("Cache-Control", "no-store").build();
    }
}
