package org.internationale.newsletter.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.publishing.entity.Document;
import org.internationale.publishing.entity.DocumentType;

import java.util.LinkedHashSet;
import java.util.List;

/** The published updates a newsletter carries, in the order the editor chose. */
@ApplicationScoped
public class NewsletterItems {

    static final int MAX_ITEMS = 50;

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<Long> of(long newsletterId) {
        List<Number> ids = em.createNativeQuery("SELECT document_id FROM newsletter_item WHERE newsletter_id = ?1 ORDER BY position")
                .setParameter(1, newsletterId).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Replaces the list; every item must be a published update. */
    @Transactional
    public List<Long> set(long newsletterId, List<Long> documentIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(documentIds));
        if (ids.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("A newsletter carries at most " + MAX_ITEMS + " updates.");
        }
        for (Long id : ids) {
            Document document = em.find(Document.class, id);
            if (document == null || document.type() != DocumentType.UPDATE || !document.isLive()) {
                throw new IllegalArgumentException("Document " + id + " is not a published update.");
            }
        }
        em.createNativeQuery("DELETE FROM newsletter_item WHERE newsletter_id = ?1").setParameter(1, newsletterId).executeUpdate();
        int position = 0;
        for (Long id : ids) {
            em.createNativeQuery("INSERT INTO newsletter_item (newsletter_id, position, document_id) VALUES (?1, ?2, ?3)")
                    .setParameter(1, newsletterId).setParameter(2, position++).setParameter(3, id).executeUpdate();
        }
        return ids;
    }
}
