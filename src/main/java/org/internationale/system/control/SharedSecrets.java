package org.internationale.system.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.HashMap;
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

    /**
     * Each thread's keyed HMACs by secret: a campaign signs four values per message (two links, two VERP tags), and
     * looking up and keying a new {@link Mac} each time showed in its profile. A Mac is not thread-safe, hence per thread.
     */
    private final ThreadLocal<Map<String, Mac>> macs = ThreadLocal.withInitial(HashMap::new);

    /** HMAC-SHA256 of a message under the named secret. */
    public byte[] hmac(String name, byte[] message) {
        Mac mac = macs.get().computeIfAbsent(name, secret -> {
            try {
                Mac keyed = Mac.getInstance("HmacSHA256");
                keyed.init(new SecretKeySpec(secret(secret), "HmacSHA256"));
                return keyed;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        return mac.doFinal(message);
    }

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
