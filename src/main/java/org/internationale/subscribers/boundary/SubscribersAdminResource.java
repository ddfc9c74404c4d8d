package org.internationale.subscribers.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.subscribers.control.SubscriberRecords;
import org.internationale.subscribers.control.Subscriptions;
import org.internationale.subscribers.entity.SubscriberState;

import java.util.List;
import java.util.Locale;

/**
 * Subscribers' addresses are for admins only — editors see counts in campaign coverage, never addresses
 * (also enforced in web.xml, before the request is read). Erasing and exporting serve subscribers' GDPR requests
 * that reach an admin by other ways than the preference page.
 */
@Path("admin/subscribers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SubscribersAdminResource {

    static final int MAX_PAGE_SIZE = 200;
    /** Far beyond any real list, and small enough that page × size stays an int offset. */
    static final int MAX_PAGE = 1_000_000;

    @Inject
    Subscriptions subscriptions;

    @Inject
    SubscriberRecords records;

    @Inject
    Permissions permissions;

    public record Page(int page, int size, long total, List<JsonObject> items) {
    }

    @GET
    public Page list(@QueryParam("state") String state, @QueryParam("q") String text,
                     @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        permissions.requireAny(Role.ADMIN);
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("page must be between 0 and " + MAX_PAGE + " and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        if (text != null && text.length() > 254) {
            throw new BadRequestException("q is at most 254 characters.");
        }
        SubscriberState filter = state(state);
        return new Page(page, size, subscriptions.count(filter, text),
                subscriptions.list(filter, text, page, size).stream().map(SubscriberRecords::json).toList());
    }

    @GET
    @Path("{id}")
    public JsonObject one(@PathParam("id") long id) {
        permissions.requireAny(Role.ADMIN);
        return subscriptions.find(id).map(SubscriberRecords::json).orElseThrow(() -> new NotFoundException("No subscriber " + id + "."));
    }

    @GET
    @Path("{id}/export")
    public Response export(@PathParam("id") long id) {
        permissions.requireAny(Role.ADMIN);
        JsonObject data = records.export(id).orElseThrow(() -> new NotFoundException("No subscriber " + id + "."));
        return Response.ok(data).header("Content-Disposition", "attachment; filename=\"subscriber-" + id + ".json\"").build();
    }

    @DELETE
    @Path("{id}")
    public Response erase(@PathParam("id") long id) {
        permissions.requireAny(Role.ADMIN);
        if (!records.erase(id)) {
            throw new NotFoundException("No subscriber " + id + ".");
        }
        return Response.noContent().build();
    }

    private static SubscriberState state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return SubscriberState.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("state is one of pending, confirmed, left, stopped.");
        }
    }
}
