package org.internationale.system.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Random keys that every instance must agree on (the key signing subscribers' links, for one), kept in the database
 * so that a link mailed by one instance opens on another and survives restarts. The first instance to need a key
 * creates it; a second one racing it loses on the primary key and reads the winner's. A key is only remembered once
 * it has been read back committed, so no instance ever signs with a key the database does not hold.
 */
@ApplicationScoped
public class SharedSecrets {

    @Inject
    SharedSecretStore store;

    private final Map<String, byte[]> known = new ConcurrentHashMap<>();

    public byte[] secret(String name) {
        return known.computeIfAbsent(name, this::loadOrCreate);
    }

    private byte[] loadOrCreate(String name) {
        return store.read(name).orElseGet(() -> {
            try {
                store.create(name);
            } catch (RuntimeException e) {
                // most likely another instance created it first: the read below tells
                if (store.read(name).isEmpty()) {
                    throw e;
                }
            }
            return store.read(name).orElseThrow(() -> new IllegalStateException("the shared secret " + name + " could not be created"));
        });
    }
}
