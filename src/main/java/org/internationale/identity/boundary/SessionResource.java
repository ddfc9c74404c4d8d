package org.internationale.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.internationale.identity.control.AccountAdministration;
import org.internationale.identity.control.ApiAuthentication;
import org.internationale.identity.control.Logins;
import org.internationale.identity.entity.Account;
import org.internationale.system.control.ClientAddress;

import java.util.List;
import java.util.Optional;

/**
 * The browser's login: a session cookie (HttpOnly, SameSite=Strict) plus a CSRF token that every change made with
 * that session must send back. Scripts use HTTP Basic or API tokens instead.
 */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    Logins logins;

    @Inject
    ClientAddress clients;

    @Inject
    AccountAdministration accounts;

    @Context
    HttpServletRequest request;

    /** Request body; a class, not a record: Payara's OpenAPI scanner fails on validated record components. */
    public static class Credentials {
        public @NotNull @Size(max = 64) String username;
        public @NotNull @Size(max = 200) String password;
    }

    public record Session(String username, String displayName, List<String> roles, List<String> languages, String csrfToken) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Session login(@Valid @NotNull Credentials credentials) {
        Optional<CredentialValidationResult> result = logins.attempt(credentials.username, credentials.password, clients.of(request));
        if (result.isEmpty()) {
            throw new NotAuthorizedException("The user name or password is not right.", "Session");
        }
        String username = result.get().getCallerPrincipal().getName();
        String csrf = logins.openSession(request, username);
        return view(accounts.active(username).orElseThrow(), csrf);
    }

    @GET
    public Session current() {
        HttpSession session = request.getSession(false);
        Object user = session == null ? null : session.getAttribute(ApiAuthentication.SESSION_USER);
        Account account = user instanceof String name ? accounts.active(name).orElse(null) : null;
        if (account == null) {
            throw new NotAuthorizedException("No one is logged in with this browser.", "Session");
        }
        return view(account, (String) session.getAttribute(ApiAuthentication.SESSION_CSRF));
    }

    @DELETE
    public Response logout() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }

    private static Session view(Account account, String csrf) {
        return new Session(account.username(), account.displayName(), account.roles().stream().sorted().toList(),
                account.languages().stream().sorted().toList(), csrf);
    }
}
