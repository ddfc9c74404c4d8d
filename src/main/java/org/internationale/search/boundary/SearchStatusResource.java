package org.internationale.search.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.search.control.SearchChangeLog;
import org.internationale.search.control.SearchIndex;
import org.internationale.search.control.SearchIndexing;
import org.internationale.search.entity.SearchStatus;

import java.io.IOException;

/**
 * {@code GET /api/admin/search/status}: for admins (and the search benchmark), whether the index is complete, how
 * fast the last rebuild went, and whether this instance's index keeps up with the search change log.
 */
@Path("admin/search/status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchStatusResource {

    @Inject
    SearchIndex index;

    @Inject
    SearchIndexing indexing;

    @Inject
    SearchChangeLog changes;

    @Inject
    Permissions permissions;

    @GET
    public SearchStatus status() throws IOException {
        permissions.requireAny(Role.ADMIN);
        long applied = index.appliedChanges();
        return new SearchStatus(SearchIndex.SCHEMA_VERSION, index.size(), indexing.rebuilding(), indexing.lastRebuild().orElse(null),
                applied, changes.countAfter(applied));
    }
}
