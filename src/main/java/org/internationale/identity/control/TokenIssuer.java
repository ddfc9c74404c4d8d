package org.internationale.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.identity.entity.Account;
import org.internationale.identity.entity.ApiToken;
import org.internationale.system.entity.SecretToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens: created by their owner, shown once, stored as a hash, revocable, with last-used time, and always
 * with an expiry: a token past it is refused like a revoked one.
 */
@ApplicationScoped
public class TokenIssuer {

    /** Marks our tokens so that secret scanners and people recognise them. */
    public static final String MARK = "intl_";

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @Inject
    Clock clock;

    public record Issued(ApiToken token, String secret) {
    }

    @Transactional
    public Issued issue(Account owner, String name, Duration lifetime) {
        String secret = MARK + SecretToken.random().value();
        Instant now = clock.instant();
        ApiToken token = new ApiToken(em.merge(owner), name, secret.substring(0, MARK.length() + 6), hash(secret), now,
                now.plus(lifetime));
        em.persist(token);
        return new Issued(token, secret);
    }

    /** The token's owner when the secret names a usable token; records its use. */
    @Transactional
    public Optional<Account> authenticate(String secret) {
        if (secret == null || !secret.startsWith(MARK) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return em.createQuery("select t from ApiToken t where t.secretHash = :hash", ApiToken.class)
                .setParameter("hash", hash(secret)).getResultStream().findFirst()
                .filter(token -> token.usableAt(now))
                .map(token -> {
                    token.touch(now);
                    return token.account();
                });
    }

    public List<ApiToken> of(Account owner) {
        return em.createQuery("select t from ApiToken t where t.account.id = :owner order by t.createdAt", ApiToken.class)
                .setParameter("owner", owner.id()).getResultList();
    }

    /** Revokes one of the owner's tokens; false when the owner has no such token. */
    @Transactional
    public boolean revoke(Account owner, long id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null || !token.account().id().equals(owner.id())) {
            return false;
        }
        token.revoke(clock.instant());
        return true;
    }

    static String hash(String secret) {
        return SecretToken.hashOf(secret);
    }
}
