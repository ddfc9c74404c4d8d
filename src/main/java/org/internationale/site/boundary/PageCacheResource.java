package org.internationale.site.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.site.control.PageCache;

/**
 * {@code GET /api/admin/pages}: for admins, how many reader pages this instance keeps rendered, how many bytes they
 * take of the {@code PAGE_CACHE_MB} allowed, and how often a reader got a kept page.
 */
@Path("admin/pages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PageCacheResource {

    @Inject
    PageCache cache;

    @Inject
    Permissions permissions;

    @GET
    public PageCache.Usage usage() {
        permissions.requireAny(Role.ADMIN);
        return cache.usage();
    }
}
