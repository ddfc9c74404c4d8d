package org.internationale.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.internationale.identity.control.AccountAdministration;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.control.TokenIssuer;
import org.internationale.identity.entity.Account;
import org.internationale.identity.entity.ApiToken;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Each account manages its own API tokens; the secret is in the creation response and nowhere else, ever. */
@Path("admin/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    @Inject
    TokenIssuer tokens;

    @Inject
    AccountAdministration accounts;

    @Inject
    Permissions permissions;

    /** A token lives a year at most: a forgotten one in an old script stops working on its own. */
    static final int LONGEST_DAYS = 365;

    /** Request body; a class, not a record: Payara's OpenAPI scanner fails on validated record components. */
    public static class NewToken {
        public @NotBlank @Size(max = 100) String name;
        /** Absent means the longest lifetime. */
        public @Min(1) @Max(value = LONGEST_DAYS, message = "must be 1 to 365 days") Integer expiresInDays;
    }

    public record TokenView(long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                            Instant revokedAt) {
        static TokenView of(ApiToken token) {
            return new TokenView(token.id(), token.name(), token.prefix(), token.createdAt(), token.expiresAt().orElse(null),
                    token.lastUsedAt().orElse(null), token.revokedAt().orElse(null));
        }
    }

    public record IssuedToken(long id, String name, String prefix, Instant createdAt, Instant expiresAt, String token) {
    }

    private Account owner() {
        return accounts.active(permissions.caller().username()).orElseThrow();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@Valid @NotNull NewToken request) {
        TokenIssuer.Issued issued = tokens.issue(owner(), request.name.strip(),
                Duration.ofDays(request.expiresInDays == null ? LONGEST_DAYS : request.expiresInDays));
        ApiToken token = issued.token();
        return Response.status(Response.Status.CREATED)
                .header("Cache-Control", "no-store")
                .entity(new IssuedToken(token.id(), token.name(), token.prefix(), token.createdAt(), token.expiresAt().orElse(null),
                        issued.secret()))
                .build();
    }

    @GET
    public List<TokenView> mine() {
        return tokens.of(owner()).stream().map(TokenView::of).toList();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") long id) {
        if (!tokens.revoke(owner(), id)) {
            throw new NotFoundException("You have no token " + id + ".");
        }
        return Response.noContent().build();
    }
}
