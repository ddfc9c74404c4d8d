package org.internationale.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.internationale.identity.control.AccountAdministration;
import org.internationale.identity.control.Logins;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.locale.entity.LanguageTag;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Admins manage who works in the system. Deleting deactivates: names stay in the histories they appear in. */
@Path("admin/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,63}";
    static final int MIN_PASSWORD = 12;

    @Inject
    AccountAdministration accounts;

    @Inject
    Permissions permissions;

    @Inject
    Logins logins;

    @Context
    HttpServletRequest request;

    /** Request body; a class, not a record: Payara's OpenAPI scanner fails on validated record components. */
    public static class NewUser {
        public @NotNull @Pattern(regexp = USERNAME, message = "must be 2–64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit") String username;
        public @NotBlank @Size(max = 200) String displayName;
        public @Email @Size(max = 320) String email;
        public @NotNull @Size(min = MIN_PASSWORD, max = 200, message = "must be 12 to 200 characters") String password;
        public @NotNull List<String> roles;
        public List<String> languages;
    }

    /** Request body; a class, not a record: Payara's OpenAPI scanner fails on validated record components. */
    public static class UserChanges {
        public @Size(min = 1, max = 200) String displayName;
        public @Email @Size(max = 320) String email;
        public @Size(min = MIN_PASSWORD, max = 200, message = "must be 12 to 200 characters") String password;
        public List<String> roles;
        public List<String> languages;
        public Boolean active;
    }

    @POST
    public Response create(@Valid @NotNull NewUser user, @Context UriInfo uri) {
        permissions.requireAny(Role.ADMIN);
        Set<String> roles = roles(user.roles);
        Set<String> languages = languages(user.languages);
        requireLanguagesFor(roles, languages);
        var account = accounts.create(user.username, user.displayName.strip(), user.email, user.password.toCharArray(), roles, languages);
        return Response.created(uri.getAbsolutePathBuilder().path(account.username()).build()).entity(AccountView.of(account)).build();
    }

    @GET
    public List<AccountView> list() {
        permissions.requireAny(Role.ADMIN);
        return accounts.all().stream().map(AccountView::of).toList();
    }

    @GET
    @Path("{username}")
    public AccountView one(@PathParam("username") String username) {
        permissions.requireAny(Role.ADMIN);
        return AccountView.of(accounts.find(username).orElseThrow(() -> missing(username)));
    }

    @PATCH
    @Path("{username}")
    public AccountView change(@PathParam("username") String username, @Valid @NotNull UserChanges changes) {
        permissions.requireAny(Role.ADMIN);
        var account = accounts.find(username).orElseThrow(() -> missing(username));
        Set<String> roles = changes.roles == null ? null : roles(changes.roles);
        Set<String> languages = changes.languages == null ? null : languages(changes.languages);
        requireLanguagesFor(roles == null ? account.roles() : roles, languages == null ? account.languages() : languages);
        var changed = accounts.change(username, new AccountAdministration.Changes(changes.displayName, changes.email,
                changes.password == null ? null : changes.password.toCharArray(), roles, languages, changes.active));
        if (changes.password != null) {
            logins.keepThisSession(request, changed.username(), changed.passwordHash());
        }
        return AccountView.of(changed);
    }

    @DELETE
    @Path("{username}")
    public AccountView deactivate(@PathParam("username") String username) {
        permissions.requireAny(Role.ADMIN);
        accounts.find(username).orElseThrow(() -> missing(username));
        return AccountView.of(accounts.deactivate(username));
    }

    private static NotFoundException missing(String username) {
        return new NotFoundException("There is no account named '" + username + "'.");
    }

    private static Set<String> roles(List<String> requested) {
        Set<String> roles = new TreeSet<>();
        for (String role : requested) {
            if (role == null || !Role.ALL.contains(role)) {
                throw new BadRequestException("'" + role + "' is not a role; roles are " + new TreeSet<>(Role.ALL) + ".");
            }
            roles.add(role);
        }
        return roles;
    }

    private static Set<String> languages(List<String> requested) {
        Set<String> languages = new TreeSet<>();
        if (requested != null) {
            for (String language : requested) {
                languages.add(LanguageTag.of(language).value());
            }
        }
        return languages;
    }

    private static void requireLanguagesFor(Set<String> roles, Set<String> languages) {
        if ((roles.contains(Role.TRANSLATOR) || roles.contains(Role.REVIEWER)) && languages.isEmpty()) {
            throw new BadRequestException("Translators and reviewers work in granted languages: give at least one in 'languages'.");
        }
    }
}
