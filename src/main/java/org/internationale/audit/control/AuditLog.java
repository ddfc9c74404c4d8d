package org.internationale.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.audit.entity.AuditEvent;
import org.internationale.identity.entity.SecurityEvent;

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

    /** Events at or after {@code since}, oldest first, at most {@code limit}. */
    public List<AuditEvent> since(Instant since, int limit) {
        return em.createQuery("select e from AuditEvent e where e.at >= :since order by e.at, e.id", AuditEvent.class)
                .setParameter("since", since.atOffset(java.time.ZoneOffset.UTC))
                .setMaxResults(limit)
                .getResultList();
    }
}
