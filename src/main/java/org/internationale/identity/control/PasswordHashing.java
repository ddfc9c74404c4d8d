package org.internationale.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;

/** Jakarta Security's PBKDF2, set to HMAC-SHA512 with 210 000 iterations; the stored hash names its parameters. */
@ApplicationScoped
public class PasswordHashing {

    @Inject
    Pbkdf2PasswordHash hash;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    }

    public String hash(char[] password) {
        return hash.generate(password);
    }

    public boolean verify(char[] password, String stored) {
        return hash.verify(password, stored);
    }
}
