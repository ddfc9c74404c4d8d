package org.internationale.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.internationale.identity.entity.LoginRefusedException;

import java.time.Duration;
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
}
