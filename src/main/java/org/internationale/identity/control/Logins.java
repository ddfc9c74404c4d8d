package org.internationale.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.internationale.identity.entity.LoginRefusedException;
import org.internationale.system.control.ClientAddress;

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
    ClientAddress clients;

    @Inject
    LoginThrottle throttle;

    @Inject
    AccountAdministration accounts;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @return the validated caller, or empty for wrong credentials
     * @throws LoginRefusedException while this name or address must wait
     */
    public Optional<CredentialValidationResult> attempt(String username, String password, String address) {
        refuseWhileWaiting(throttle.admit(username, address));
        CredentialValidationResult result = null;
        try {
            result = identityStore.validate(new UsernamePasswordCredential(username, new Password(password)));
        } finally {
            finish(username, address, result != null && result.getStatus() == CredentialValidationResult.Status.VALID);
        }
        return result.getStatus() == CredentialValidationResult.Status.VALID ? Optional.of(result) : Optional.empty();
    }

    /**
     * A password change proves the current password like a login does, through the same throttle (charging the
     * name only, see {@link LoginThrottle#admitPasswordChange}): a stolen session or token cannot guess its way to the
     * password. The change ends the account's other sessions and revokes its
     * tokens ({@link AccountAdministration#changeOwnPassword}); the session that made it stays open.
     *
     * @return false when the current password is not right
     * @throws LoginRefusedException while this name must wait
     */
    public boolean changePassword(HttpServletRequest request, String username, char[] current, char[] replacement) {
        refuseWhileWaiting(throttle.admitPasswordChange(username, clients.of(request)));
        Optional<String> hash = Optional.empty();
        try {
            hash = accounts.changeOwnPassword(username, current, replacement);
        } finally {
            finish(username, null, hash.isPresent());
        }
        hash.ifPresent(h -> keepThisSession(request, username, h));
        return hash.isPresent();
    }

    /** After an admin set a password: their own session stays open if it was their own password. */
    public void keepThisSession(HttpServletRequest request, String username, String passwordHash) {
        HttpSession session = request.getSession(false);
        if (session != null && username.equals(session.getAttribute(ApiAuthentication.SESSION_USER))) {
            session.setAttribute(ApiAuthentication.SESSION_PASSWORD, PasswordHashing.fingerprint(passwordHash));
        }
    }

    private void finish(String username, String address, boolean right) {
        if (right) {
            throttle.succeeded(username, address);
        } else {
            throttle.failed(username);
        }
    }

    private static void refuseWhileWaiting(Optional<Duration> wait) {
        if (wait.isPresent()) {
            throw new LoginRefusedException(wait.get());
        }
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
        accounts.active(username).ifPresent(account ->
                session.setAttribute(ApiAuthentication.SESSION_PASSWORD, PasswordHashing.fingerprint(account.passwordHash())));
        accounts.loggedIn(username);
        request.setAttribute(ApiAuthentication.ACTOR, username);
        return csrf;
    }
}
