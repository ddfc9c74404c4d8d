package org.internationale.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.identity.entity.Account;
import org.internationale.identity.entity.AccountConflictException;
import org.internationale.identity.entity.ApiToken;
import org.internationale.identity.entity.Role;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Creates and changes accounts. Deactivating keeps the account (its name stays in every history it appears in),
 * revokes its tokens and ends its sessions at their next request; so does a new password, except for the session
 * that set it. The last active admin cannot be removed.
 */
@ApplicationScoped
public class AccountAdministration {

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    Clock clock;

    public Optional<Account> find(String username) {
        if (username == null || username.isBlank() || username.length() > 64) {
            return Optional.empty();
        }
        return em.createQuery("select a from Account a where a.username = :name", Account.class)
                .setParameter("name", username).getResultStream().findFirst();
    }

    public Optional<Account> active(String username) {
        return find(username).filter(Account::active);
    }

    public List<Account> all() {
        return em.createQuery("select a from Account a order by a.username", Account.class).getResultList();
    }

    @Transactional
    public Account create(String username, String displayName, String email, char[] password, Set<String> roles, Set<String> languages) {
        if (find(username).isPresent()) {
            throw new AccountConflictException("An account named '" + username + "' exists already (perhaps deactivated).");
        }
        Account account = new Account(username, displayName, email, passwords.hash(password), roles, languages, clock.instant());
        em.persist(account);
        return account;
    }

    public record Changes(String displayName, String email, char[] password, Set<String> roles, Set<String> languages, Boolean active) {
    }

    @Transactional
    public Account change(String username, Changes changes) {
        Account account = find(username).orElseThrow();
        if (changes.displayName() != null || changes.email() != null) {
            account.describe(changes.displayName() != null ? changes.displayName() : account.displayName(),
                    changes.email() != null ? changes.email() : account.email());
        }
        if (changes.roles() != null || changes.languages() != null) {
            Set<String> roles = changes.roles() != null ? changes.roles() : account.roles();
            if (account.hasRole(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
                requireAnotherActiveAdmin(account);
            }
            account.grant(roles, changes.languages() != null ? changes.languages() : account.languages());
        }
        if (changes.password() != null) {
            changePassword(account, changes.password());
        }
        if (Boolean.FALSE.equals(changes.active())) {
            deactivate(account);
        } else if (Boolean.TRUE.equals(changes.active())) {
            account.reactivate();
        }
        return account;
    }

    @Transactional
    public Account deactivate(String username) {
        Account account = find(username).orElseThrow();
        deactivate(account);
        return account;
    }

    private void deactivate(Account account) {
        if (!account.active()) {
            return;
        }
        if (account.hasRole(Role.ADMIN)) {
            requireAnotherActiveAdmin(account);
        }
        account.deactivate(clock.instant());
        revokeTokens(account);
    }

    private void revokeTokens(Account account) {
        em.createQuery("select t from ApiToken t where t.account = :account", ApiToken.class)
                .setParameter("account", account).getResultList()
                .forEach(token -> token.revoke(clock.instant()));
    }

    /**
     * A new password ends every session opened with the old one (each remembers the {@link PasswordHashing#fingerprint}
     * of the password it was opened with) and revokes the account's tokens: whoever knew or stole the old one is out.
     */
    private String changePassword(Account account, char[] password) {
        account.changePasswordHash(passwords.hash(password));
        revokeTokens(account);
        return account.passwordHash();
    }

    private void requireAnotherActiveAdmin(Account account) {
        long others = em.createQuery("select count(a) from Account a join a.roles r where r = :admin and a.active = :active and a <> :account", Long.class)
                .setParameter("admin", Role.ADMIN).setParameter("active", true).setParameter("account", account)
                .getSingleResult();
        if (others == 0) {
            throw new AccountConflictException("'" + account.username() + "' is the last active admin; make someone else admin first.");
        }
    }

    /**
     * A caller changes their own password, proving they know the current one.
     *
     * @return the new password hash, or empty when the current password is not right
     */
    @Transactional
    public Optional<String> changeOwnPassword(String username, char[] current, char[] replacement) {
        Account account = active(username).orElseThrow();
        if (!passwords.verify(current, account.passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(changePassword(account, replacement));
    }

    @Transactional
    public void loggedIn(String username) {
        find(username).ifPresent(a -> a.loggedIn(clock.instant()));
    }
}
