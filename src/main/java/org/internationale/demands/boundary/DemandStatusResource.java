package org.internationale.demands.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.internationale.demands.control.DemandBoard;
import org.internationale.demands.entity.DemandStatus;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.platform.control.PlatformReader;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Editors record a demand's status: {@code POST /api/admin/demands/{id}/status {status, date, note}}. */
@Path("admin/demands/{id}/status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DemandStatusResource {

    @Inject
    DemandBoard demands;

    @Inject
    Permissions permissions;

    @Inject
    PlatformReader platform;

    /** Request body; a class, not a record: Payara's OpenAPI scanner fails on validated record components. */
    public static class StatusChange {
        public @NotNull String status;
        public @NotNull String date;
        public @Size(max = DemandBoard.MAX_NOTE) String note;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(@PathParam("id") String id, @Valid @NotNull StatusChange change) {
        String author = permissions.requireAny(Role.EDITOR).username();
        if (!platform.isDemand(id)) {
            throw new NotFoundException("The platform has no demand '" + id + "'.");
        }
        DemandStatus.Status status;
        LocalDate date;
        try {
            status = DemandStatus.Status.parse(change.status);
            date = LocalDate.parse(change.date);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadRequestException(e instanceof DateTimeParseException ? "date must be like 2026-05-01." : e.getMessage());
        }
        DemandStatus entry = demands.record(id, status, date, change.note, author);
        return Response.status(Response.Status.CREATED).entity(new DemandBoard.Entry(entry.status().label(), entry.date(), entry.note())).build();
    }
}
