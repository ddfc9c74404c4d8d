package org.internationale.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.Language;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.platform.control.PlatformCoverage;
import org.internationale.platform.entity.PlatformCoverageShare;
import org.internationale.site.boundary.KeptRendered;

import java.util.List;
import java.util.Map;

/** The offered languages, with how much of the platform a reader of each gets in it. */
@KeptRendered
@Path("languages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LanguagesResource {

    @Inject
    LanguageRegistry registry;

    @Inject
    PlatformCoverage platformCoverage;

    /**
     * @param complete       share of the platform readers get current in this language, reviewed or awaiting review
     * @param reviewed       share current and approved by a reviewer
     * @param awaitingReview share current but not yet reviewed: shown to readers marked so
     */
    public record LanguageInfo(String tag, String name, String nativeName, String direction, List<String> pluralCategories,
                               List<String> fallbackChain, double complete, double reviewed, double awaitingReview) {
    }

    @GET
    public List<LanguageInfo> languages() {
        Map<LanguageTag, PlatformCoverageShare> coverage = platformCoverage.current();
        return registry.languages().stream()
                .map(language -> info(language, coverage.getOrDefault(language.tag(), PlatformCoverageShare.NONE).rounded())).toList();
    }

    private LanguageInfo info(Language language, PlatformCoverageShare share) {
        return new LanguageInfo(language.tag().value(), language.name(), language.nativeName(), language.direction().attribute(),
                List.copyOf(language.pluralCategories()),
                registry.chain(language.tag()).languages().stream().map(LanguageTag::value).toList(),
                share.complete(), share.reviewed(), share.awaitingReview());
    }
}
