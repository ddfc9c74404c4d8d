package org.internationale.locale.control;

import com.ibm.icu.util.LocalePriorityList;
import com.ibm.icu.util.ULocale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.locale.entity.Negotiated;

import java.util.Optional;

/**
 * Decides the language of a response: {@code ?lang=} first (ill-formed is the client's error), then
 * {@code Accept-Language} by q-value (a malformed header is ignored, as browsers send odd ones), else the
 * source language. A well-formed tag that is not offered goes down its fallback chain.
 */
@ApplicationScoped
public class LanguageNegotiator {

    private LanguageRegistry registry;

    protected LanguageNegotiator() {
        // CDI
    }

    @Inject
    public LanguageNegotiator(LanguageRegistry registry) {
        this.registry = registry;
    }

    public Negotiated negotiate(String langParameter, String acceptLanguage) {
        if (langParameter != null && !langParameter.isBlank()) {
            LanguageTag requested = LanguageTag.of(langParameter);
            return negotiated(requested);
        }
        return fromAcceptLanguage(acceptLanguage)
                .orElseGet(() -> new Negotiated(null, registry.language(registry.source()), registry.chain(registry.source())));
    }

    public Negotiated negotiated(LanguageTag requested) {
        LanguageTag served = registry.chain(requested).first();
        return new Negotiated(requested, registry.language(served), registry.chain(served));
    }

    private Optional<Negotiated> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 1000) {
            return Optional.empty();
        }
        LocalePriorityList desired;
        try {
            desired = LocalePriorityList.add(header).build();
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
        Negotiated firstReachable = null;
        for (ULocale locale : desired) {
            if (locale.getLanguage().isEmpty() || "und".equals(locale.getLanguage())) {
                continue;
            }
            LanguageTag tag;
            try {
                tag = LanguageTag.of(locale.toLanguageTag());
            } catch (IllegalArgumentException skipped) {
                continue;
            }
            if (registry.chain(tag).first().equals(registry.source()) && !tag.sameLanguageAs(registry.source())) {
                // this preference only reaches the source by falling back; a later preference may do better
                if (firstReachable == null) {
                    firstReachable = negotiated(tag);
                }
                continue;
            }
            return Optional.of(negotiated(tag));
        }
        return Optional.ofNullable(firstReachable);
    }
}
