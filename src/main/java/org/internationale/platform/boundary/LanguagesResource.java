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

    public record LanguageInfo(String tag, String name, String nativeName, String direction, List<String> pluralCategories,
                               List<String> fallbackChain, double complete) {
    }

    @GET
    public List<LanguageInfo> languages() {
        Map<LanguageTag, Double> coverage = platformCoverage.current();
        return registry.languages().stream().map(language -> info(language, coverage.getOrDefault(language.tag(), 0.0))).toList();
    }

    private LanguageInfo info(Language language, double complete) {
        return new LanguageInfo(language.tag().value(), language.name(), language.nativeName(), language.direction().attribute(),
                List.copyOf(language.pluralCategories()),
                registry.chain(language.tag()).languages().stream().map(LanguageTag::value).toList(),
                Math.round(complete * 1000) / 1000.0);
    }
}
