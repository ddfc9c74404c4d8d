package org.internationale.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.internationale.identity.entity.Account;
import org.internationale.identity.entity.Role;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Makes sure an {@code admin} account exists; it is also an editor, so that a fresh installation can be run by one
 * person until others are invited. With {@code ADMIN_PASSWORD} set, the account's password is that
 * value (setting it again later resets a forgotten password); without it, the first start generates a strong
 * password, stores only its hash and prints it once.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class AdminBootstrap {

    public static final String ADMIN = "admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    AccountAdministration accounts;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ADMIN_PASSWORD")
    Optional<String> adminPassword;

    @PostConstruct
    void ensureAdmin() {
        Optional<String> configured = adminPassword.filter(p -> !p.isBlank());
        Optional<Account> existing = accounts.find(ADMIN);
        if (existing.isPresent()) {
            configured.filter(p -> !passwords.verify(p.toCharArray(), existing.get().passwordHash()))
                    .ifPresent(p -> {
                        existing.get().changePasswordHash(passwords.hash(p.toCharArray()));
                        LOG.info("The admin password was reset to the value of ADMIN_PASSWORD.");
                    });
            return;
        }
        String password = configured.orElseGet(AdminBootstrap::generate);
        em.persist(new Account(ADMIN, "Administrator", null, passwords.hash(password.toCharArray()), Set.of(Role.ADMIN, Role.EDITOR),
                Set.of(), clock.instant()));
        if (configured.isPresent()) {
            LOG.info("Created the admin account with the password from ADMIN_PASSWORD.");
        } else {
            LOG.warning("Created the admin account. Its generated password, shown only this once: " + password
                    + "  (set ADMIN_PASSWORD to choose your own)");
        }
    }

    static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
