package org.internationale.system.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** The {@code shared_secret} table, each access in its own transaction, whatever the caller is in. */
@ApplicationScoped
public class SharedSecretStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<byte[]> read(String name) {
        return em.createNativeQuery("SELECT secret FROM shared_secret WHERE name = ?1")
                .setParameter(1, name).getResultStream().findFirst()
                .map(value -> Base64.getDecoder().decode((String) value));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        em.createNativeQuery("INSERT INTO shared_secret (name, secret) VALUES (?1, ?2)")
                .setParameter(1, name).setParameter(2, Base64.getEncoder().encodeToString(secret)).executeUpdate();
    }
}
