package org.internationale.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.audit.entity.AuditEvent;
import org.internationale.identity.entity.SecurityEvent;
import org.internationale.translation.entity.TranslationApproved;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Writes and reads the audit log. */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String actor, String action, String target, Integer status, String client, String detail) {
        em.persist(new AuditEvent(clock.instant(), actor, action, target, status, client, detail));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void onSecurityEvent(@Observes SecurityEvent event) {
        em.persist(new AuditEvent(clock.instant(), event.username(), event.action(), event.target(), null, event.client(), null));
    }

    /** An approval names both people, the translator and the reviewer: four eyes leave two names. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void onApproved(@Observes(during = TransactionPhase.AFTER_SUCCESS) TranslationApproved approved) {
        em.persist(new AuditEvent(clock.instant(), approved.reviewer(), "translation.approved",
                approved.language() + "/" + approved.key().value() + " revision " + approved.revision(), null, null,
                "translated by " + approved.translator() + ", approved by " + approved.reviewer()));
    }

    /** Events at or after {@code since}, oldest first, at most {@code limit}. */
    public List<AuditEvent> since(Instant since, int limit) {
        return em.createQuery("select e from AuditEvent e where e.at >= :since order by e.at, e.id", AuditEvent.class)
                .setParameter("since", since.atOffset(java.time.ZoneOffset.UTC))
                .setMaxResults(limit)
                .getResultList();
    }
}
