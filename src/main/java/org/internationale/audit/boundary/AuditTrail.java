package org.internationale.audit.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.internationale.audit.control.AuditLog;
import org.internationale.identity.control.ApiAuthentication;
import org.internationale.system.control.ClientAddress;

import java.security.Principal;
import java.util.Set;

/** Records every write through the API — who, what, when, with what result — after it happened. */
@Provider
public class AuditTrail implements ContainerResponseFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    AuditLog log;

    @Inject
    ClientAddress clients;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!WRITES.contains(request.getMethod())) {
            return;
        }
        Principal caller = request.getSecurityContext().getUserPrincipal();
        String path = "/" + request.getUriInfo().getPath();
        String actor = caller == null ? null : caller.getName();
        if (actor == null && servletRequest != null && servletRequest.getAttribute(ApiAuthentication.ACTOR) instanceof String loggedIn) {
            // a login: the caller becomes known only inside the request
            actor = loggedIn;
        }
        log.record(actor, request.getMethod(), path, response.getStatus(), servletRequest == null ? null : clients.of(servletRequest), null);
    }
}
