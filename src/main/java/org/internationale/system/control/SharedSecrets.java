package org.internationale.system.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Random keys that every instance must agree on (the key signing subscribers' links, for one), kept in the database
 * so that a link mailed by one instance opens on another and survives restarts. The first instance to need a key
 * creates it; a second one racing it loses on the primary key and reads the winner's.
 */
@ApplicationScoped
public class SharedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    private final Map<String, byte[]> known = new ConcurrentHashMap<>();

    public byte[] secret(String name) {
        return known.computeIfAbsent(name, this::loadOrCreate);
    }

    private byte[] loadOrCreate(String name) {
        return read(name).orElseGet(() -> {
            try {
                create(name);
            } catch (RuntimeException e) {
                // most likely another instance created it first: the read below tells
                if (read(name).isEmpty()) {
                    throw e;
                }
            }
            return read(name).orElseThrow(() -> new IllegalStateException("the shared secret " + name + " could not be created"));
        });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<byte[]> read(String name) {
        return em.createNativeQuery("SELECT secret FROM shared_secret WHERE name = ?1")
                .setParameter(1, name).getResultStream().findFirst()
                .map(value -> Base64.getDecoder().decode((String) value));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void create(String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        em.createNativeQuery("INSERT INTO shared_secret (name, secret) VALUES (?1, ?2)")
                .setParameter(1, name).setParameter(2, Base64.getEncoder().encodeToString(secret)).executeUpdate();
    }
}
