package org.internationale.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.internationale.system.entity.SecretToken;

import java.util.Map;
import java.util.logging.Logger;

/**
 * Jakarta Security's PBKDF2 with HMAC-SHA512, 210 000 iterations by default (OWASP's 2023 figure); the stored hash
 * names its parameters, so changing {@code PASSWORD_HASH_ITERATIONS} applies to new passwords and old ones still
 * verify. The integration tests lower it — every Basic-authenticated request pays it — but never below
 * {@value #FLOOR}.
 */
@ApplicationScoped
public class PasswordHashing {

    static final int RECOMMENDED = 210_000;
    static final int FLOOR = 10_000;
    private static final Logger LOG = Logger.getLogger(PasswordHashing.class.getName());

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "PASSWORD_HASH_ITERATIONS", defaultValue = "210000")
    int iterations;

    @PostConstruct
    void configure() {
        if (iterations < FLOOR) {
            throw new IllegalArgumentException("PASSWORD_HASH_ITERATIONS must be at least " + FLOOR + "; it is " + iterations);
        }
        if (iterations < RECOMMENDED) {
            LOG.warning(() -> "PASSWORD_HASH_ITERATIONS is " + iterations + ", below the recommended " + RECOMMENDED
                    + ": fine for tests, weak for a real server");
        }
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    }

    public String hash(char[] password) {
        return hash.generate(password);
    }

    public boolean verify(char[] password, String stored) {
        return hash.verify(password, stored);
    }

    /**
     * What a login session remembers of the password it was opened with: every new hash has a new salt, so a
     * changed password no longer matches and the session ends at its next request.
     */
    public static String fingerprint(String storedHash) {
        return SecretToken.hashOf(storedHash);
    }
}
