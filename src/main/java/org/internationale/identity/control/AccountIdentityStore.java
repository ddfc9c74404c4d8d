package org.internationale.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.internationale.identity.entity.Account;

import java.util.HashSet;
import java.util.Optional;

/**
 * Checks a username and password against the stored accounts. An unknown name costs the same hash work as a
 * wrong password, so timing does not tell which accounts exist.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    private volatile String decoyHash;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<Account> account = find(login.getCaller());
        if (account.isEmpty() || !account.get().active()) {
            passwords.verify(login.getPassword().getValue(), decoy());
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!passwords.verify(login.getPassword().getValue(), account.get().passwordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(account.get().username(), new HashSet<>(account.get().roles()));
    }

    private Optional<Account> find(String username) {
        if (username == null || username.isBlank() || username.length() > 64) {
            return Optional.empty();
        }
        return em.createQuery("select a from Account a where a.username = :name", Account.class)
                .setParameter("name", username)
                .getResultStream().findFirst();
    }

    private String decoy() {
        if (decoyHash == null) {
            decoyHash = passwords.hash("no account has this password".toCharArray());
        }
        return decoyHash;
    }
}
