package org.internationale.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.internationale.identity.entity.LoginRefusedException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** A password login, through the throttle: used by HTTP Basic and by the browser's session login alike. */
@ApplicationScoped
public class Logins {

    @Inject
    AccountIdentityStore identityStore;

    @Inject
    LoginThrottle throttle;

    @Inject
    Accounts accounts;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @return the validated caller, or empty for wrong credentials
     * @throws LoginRefusedException while this name or address must wait
     */
    public Optional<CredentialValidationResult> attempt(String username, String password, String address) {
        Optional<Duration> wait = throttle.refusal(username, address);
        if (wait.isPresent()) {
            throw new LoginRefusedException(wait.get());
        }
        CredentialValidationResult result = identityStore.validate(new UsernamePasswordCredential(username, new Password(password)));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(username, address);
            return Optional.empty();
        }
        throttle.succeeded(username);
        return Optional.of(result);
    }

    /**
     * Starts the browser session of someone who just logged in: always a new session (a planted session id gains
     * nothing), with a fresh CSRF token that every change made with it must send back.
     *
     * @return the session's CSRF token
     */
    public String openSession(HttpServletRequest request, String username) {
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            existing.invalidate();
        }
        HttpSession session = request.getSession(true);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        session.setAttribute(ApiAuthentication.SESSION_USER, username);
        session.setAttribute(ApiAuthentication.SESSION_CSRF, csrf);
        accounts.loggedIn(username);
        request.setAttribute(ApiAuthentication.ACTOR, username);
        return csrf;
    }
}
