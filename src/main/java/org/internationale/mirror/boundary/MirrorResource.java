package org.internationale.mirror.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.mirror.control.SiteMirror;
import org.internationale.mirror.entity.MirrorBusyException;
import org.internationale.mirror.entity.MirrorState;
import org.internationale.system.control.PublicAddress;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The static mirror, for admins. {@code POST /api/admin/mirror} starts an export (202; 409 while one runs; optional
 * {@code ?base=} is where the copy will be served, for its sitemap), {@code GET /api/admin/mirror} tells how it stands,
 * {@code GET /api/admin/mirror.tar.gz} downloads it.
 */
@Path("admin")
@RequestScoped
public class MirrorResource {

    @Inject
    SiteMirror mirror;

    @Inject
    Permissions permissions;

    @Inject
    PublicAddress publicAddress;

    @Context
    HttpServletRequest request;

    @POST
    @Path("mirror")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@QueryParam("base") String base) {
        permissions.requireAny(Role.ADMIN);
        Optional<URI> sitemapBase = Optional.ofNullable(base).filter(b -> !b.isBlank()).map(MirrorResource::base);
        // the export reads this instance as a reader would, on the port this request came in on
        URI origin = URI.create("http://127.0.0.1:" + request.getLocalPort() + "/");
        MirrorState started = mirror.start(origin, publicAddress.base(request), sitemapBase);
        return Response.accepted(started).build();
    }

    @GET
    @Path("mirror")
    @Produces(MediaType.APPLICATION_JSON)
    public MirrorState state() {
        permissions.requireAny(Role.ADMIN);
        return mirror.state();
    }

    @GET
    @Path("mirror.tar.gz")
    @Produces("application/gzip")
    public Response download() {
        permissions.requireAny(Role.ADMIN);
        if (!mirror.exists()) {
            throw new NotFoundException("No mirror has been written yet: POST /api/admin/mirror first.");
        }
        // refused before the first byte, so that a client gets a 409 rather than a cut archive
        if (mirror.state().isRunning()) {
            throw new MirrorBusyException("The mirror is being written; download it when the export is done.");
        }
        StreamingOutput archive = mirror::archive;
        return Response.ok(archive).header("Content-Disposition", "attachment; filename=\"internationale-mirror.tar.gz\"")
                .header("Cache-Control", "no-store").build();
    }

    private static URI base(String value) {
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("base must be an absolute http or https address, such as https://mirror.example.org/site/");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new BadRequestException("base must be an absolute http or https address without query, such as https://mirror.example.org/site/");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text : text + "/");
    }
}
