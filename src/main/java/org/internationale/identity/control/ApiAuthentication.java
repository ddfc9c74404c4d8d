package org.internationale.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.internationale.api.control.ClientErrors;
import org.internationale.api.entity.RetryAfter;
import org.internationale.identity.entity.Account;
import org.internationale.identity.entity.LoginRefusedException;
import org.internationale.system.control.ClientAddress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How callers prove who they are, in order: a bearer API token, HTTP Basic (through the login throttle), or the
 * browser's login session. A change carried by a browser's credentials — Basic or the session cookie — must come
 * from our own origin ({@link CrossSiteRequests}), checked before anything else, so no resource runs for a forged
 * request; a session change must also carry the session's CSRF token ({@code X-CSRF-Token} header or {@code _csrf}
 * form field). A bearer token is never sent by a browser on its own, so it needs neither. Session callers are looked
 * up again on every request, so deactivation, role changes and a new password apply at once. A browser asking for a
 * page never gets a Basic challenge: its login dialog would remember credentials that other sites could then use.
 */
@ApplicationScoped
public class ApiAuthentication implements HttpAuthenticationMechanism {

    public static final String SESSION_USER = "internationale.user";
    public static final String SESSION_CSRF = "internationale.csrf";
    /** The {@link PasswordHashing#fingerprint} of the password the session was opened with. */
    public static final String SESSION_PASSWORD = "internationale.password";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    /** Request attribute naming who just logged in, for the audit trail of the login request itself. */
    public static final String ACTOR = "internationale.actor";
    private static final String REALM = "Basic realm=\"Internationale\", charset=\"UTF-8\"";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    TokenIssuer tokens;

    @Inject
    ClientAddress clients;

    @Inject
    Logins logins;

    @Inject
    AccountAdministration accounts;

    @Inject
    SecurityEventReporter events;

    @Inject
    CrossSiteRequests crossSite;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Account> owner = tokens.authenticate(authorization.substring(7).strip());
            if (owner.isEmpty()) {
                events.record(null, "login.token-refused", request);
                return unauthorized(response, context, "Bearer error=\"invalid_token\"");
            }
            return context.notifyContainerAboutLogin(owner.get().username(), new HashSet<>(owner.get().roles()));
        }
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        HttpSession session = request.getSession(false);
        Object user = session == null ? null : session.getAttribute(SESSION_USER);
        // a cookie naming no logged-in session (one logged out of) carries no credentials: a reader's forms go ahead
        if (!SAFE_METHODS.contains(request.getMethod()) && (basic || user != null)) {
            Optional<String> refusal = crossSite.refusal(request);
            if (refusal.isPresent()) {
                events.record(null, "cross-site.rejected", request);
                return refuse(response, 403, refusal.get(), null);
            }
        }
        if (basic) {
            return basic(authorization.substring(6).strip(), request, response, context);
        }
        if (user instanceof String username) {
            Optional<Account> account = accounts.active(username)
                    .filter(a -> PasswordHashing.fingerprint(a.passwordHash()).equals(session.getAttribute(SESSION_PASSWORD)));
            if (account.isEmpty()) {
                session.invalidate();
            } else {
                if (!SAFE_METHODS.contains(request.getMethod()) && !csrfMatches(request, session)) {
                    events.record(username, "csrf.rejected", request);
                    return refuse(response, 403, "This change needs the CSRF token of your session (header "
                            + CSRF_HEADER + " or form field " + CSRF_FIELD + ").", null);
                }
                return context.notifyContainerAboutLogin(username, new HashSet<>(account.get().roles()));
            }
        }
        return context.isProtected() ? unauthorized(response, context, challenge(request)) : context.doNothing();
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return unauthorized(response, context, challenge(request));
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return unauthorized(response, context, challenge(request));
        }
        String username = decoded.substring(0, colon);
        try {
            Optional<CredentialValidationResult> result = logins.attempt(username, decoded.substring(colon + 1), clients.of(request));
            if (result.isEmpty()) {
                events.record(username, "login.failed", request);
                return unauthorized(response, context, challenge(request));
            }
            return context.notifyContainerAboutLogin(result.get());
        } catch (LoginRefusedException e) {
            events.record(username, "login.throttled", request);
            return refuse(response, 429, e.getMessage(), RetryAfter.seconds(e.retryAfter()));
        }
    }

    private static boolean csrfMatches(HttpServletRequest request, HttpSession session) {
        Object expected = session.getAttribute(SESSION_CSRF);
        String sent = request.getHeader(CSRF_HEADER);
        if (sent == null && request.getContentType() != null
                && request.getContentType().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            sent = request.getParameter(CSRF_FIELD);
        }
        return expected instanceof String token && sent != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** The Basic challenge, except for a browser navigating to a page: it would open the browser's login dialog. */
    static String challenge(HttpServletRequest request) {
        return pageRequest(request.getHeader("Sec-Fetch-Mode"), request.getHeader("Accept")) ? null : REALM;
    }

    /**
     * A browser navigating ({@code Sec-Fetch-Mode: navigate}), or a client that prefers HTML: no type it accepts is
     * worth more than HTML, and JSON is worth less.
     */
    static boolean pageRequest(String fetchMode, String accept) {
        if ("navigate".equalsIgnoreCase(fetchMode == null ? "" : fetchMode.strip())) {
            return true;
        }
        if (accept == null) {
            return false;
        }
        double html = 0;
        double other = 0;
        double json = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2).strip());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, q);
            } else if (type.contains("json")) {
                json = Math.max(json, q);
            } else if (!type.equals("*/*")) {
                other = Math.max(other, q);
            }
        }
        return html > 0 && html >= other && html > json;
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context, String challenge) {
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        return context.responseUnauthorized();
    }

    /**
     * Ends the request with an error the servlet container renders through the application's error page, so it is
     * problem+json and carries the security headers like every other response.
     */
    private static AuthenticationStatus refuse(HttpServletResponse response, int status, String detail, Long retryAfter) {
        try {
            if (retryAfter != null) {
                response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfter)));
            }
            ClientErrors.send(response, status, detail);
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
