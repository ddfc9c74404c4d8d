package org.internationale.translation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.translation.entity.GlossaryTerm;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The approved terms of each language. */
@ApplicationScoped
public class Glossary {

    @PersistenceContext(unitName = "internationale")
    EntityManager em;

    @Inject
    Clock clock;

    public List<GlossaryTerm> of(LanguageTag language) {
        return em.createQuery("select g from GlossaryTerm g where g.language = :language order by g.sourceTerm", GlossaryTerm.class)
                .setParameter("language", language.value()).getResultList();
    }

    /** @return empty when the language has this source term already */
    @Transactional
    public Optional<GlossaryTerm> add(LanguageTag language, String sourceTerm, String targetTerm, boolean doNotTranslate,
                                      String note, String author) {
        boolean exists = !em.createQuery("select g from GlossaryTerm g where g.language = :language and g.sourceTerm = :term", GlossaryTerm.class)
                .setParameter("language", language.value()).setParameter("term", sourceTerm).getResultList().isEmpty();
        if (exists) {
            return Optional.empty();
        }
        GlossaryTerm term = new GlossaryTerm(language.value(), sourceTerm, targetTerm, doNotTranslate, note, author, clock.instant());
        em.persist(term);
        return Optional.of(term);
    }

    @Transactional
    public boolean remove(LanguageTag language, long id) {
        GlossaryTerm term = em.find(GlossaryTerm.class, id);
        if (term == null || !term.language().equals(language.value())) {
            return false;
        }
        em.remove(term);
        return true;
    }
}
