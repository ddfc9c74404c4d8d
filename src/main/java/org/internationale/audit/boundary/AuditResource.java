package org.internationale.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.internationale.audit.control.AuditLog;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Admins read the audit log: {@code GET /api/admin/audit?since=2026-01-01T00:00:00Z&limit=500}. */
@Path("admin/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog log;

    @Inject
    Permissions permissions;

    public record Entry(long id, Instant at, String actor, String action, String target, Integer status, String client,
                        String detail) {
    }

    @GET
    public List<Entry> since(@QueryParam("since") String since, @QueryParam("limit") @DefaultValue("500") int limit) {
        permissions.requireAny(Role.ADMIN);
        Instant from;
        try {
            from = since == null || since.isBlank() ? Instant.EPOCH : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("since must be an ISO-8601 instant such as 2026-01-01T00:00:00Z.");
        }
        if (limit < 1 || limit > 5000) {
            throw new BadRequestException("limit must be between 1 and 5000.");
        }
        return log.since(from, limit).stream()
                .map(e -> new Entry(e.id(), e.at(), e.actor(), e.action(), e.target(), e.status(), e.client(), e.detail())).toList();
    }
}
