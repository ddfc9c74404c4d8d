package org.internationale.search.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.internationale.identity.control.Permissions;
import org.internationale.identity.entity.Role;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.search.control.Searcher;

import java.util.List;
import java.util.Map;

/** {@code GET /api/admin/search/analyze?lang=&text=}: the tokens each field makes, for translators and editors. */
@Path("admin/search/analyze")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchAnalysisResource {

    @Inject
    Searcher searcher;

    @Inject
    Permissions permissions;

    @GET
    public Map<String, List<String>> analyze(@QueryParam("lang") String lang, @QueryParam("text") String text) {
        permissions.requireAny(Role.TRANSLATOR, Role.REVIEWER, Role.EDITOR);
        if (text == null || text.isBlank() || text.length() > 10_000) {
            throw new BadRequestException("Give text, at most 10000 characters.");
        }
        return searcher.analyze(text, LanguageTag.of(lang == null || lang.isBlank() ? "en" : lang));
    }
}
