package org.internationale.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.internationale.identity.entity.Role;

import java.util.List;
import java.util.stream.Stream;

/** Who the caller is: lets scripts and the workspace check their credentials. */
@Path("admin/me")
@RequestScoped
public class AccountResource {

    @Inject
    SecurityContext security;

    public record Me(String username, List<String> roles) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        List<String> roles = Stream.of(Role.ADMIN, Role.EDITOR, Role.TRANSLATOR, Role.REVIEWER)
                .filter(security::isCallerInRole).toList();
        return new Me(security.getCallerPrincipal().getName(), roles);
    }
}
