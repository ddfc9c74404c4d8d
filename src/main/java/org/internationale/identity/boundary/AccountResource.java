package org.internationale.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.internationale.identity.control.Logins;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Caller;

import java.util.List;

/**
 * The caller's own account: who they are, and changing their password — throttled like a login, and ending every
 * other session and token of the account.
 */
@Path("admin/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    Permissions permissions;

    @Inject
    Logins logins;

    @Context
    HttpServletRequest request;

    public record Me(String username, List<String> roles, List<String> languages) {
    }

    /** Request body; a class, not a record: Payara's OpenAPI scanner fails on validated record components. */
    public static class PasswordChange {
        public @NotNull String currentPassword;
        public @NotNull @Size(min = UsersResource.MIN_PASSWORD, max = 200, message = "must be 12 to 200 characters") String newPassword;
    }

    @GET
    public Me me() {
        Caller caller = permissions.caller();
        return new Me(caller.username(), caller.roles().stream().sorted().toList(), caller.languages().stream().sorted().toList());
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(@Valid @NotNull PasswordChange change) {
        if (!logins.changePassword(request, permissions.caller().username(), change.currentPassword.toCharArray(),
                change.newPassword.toCharArray())) {
            throw new jakarta.ws.rs.ForbiddenException("The current password is not right.");
        }
        return Response.noContent().build();
    }
}
