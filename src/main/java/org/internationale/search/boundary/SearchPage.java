package org.internationale.search.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.internationale.search.control.Searcher;
import org.internationale.search.entity.SearchResult;
import org.internationale.site.boundary.ReaderPages;
import org.internationale.site.boundary.ReaderRequest;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/** {@code /{lang}/search?q=&page=}: the same search as {@code /api/search}, ten results a page. */
@ApplicationScoped
public class SearchPage implements ReaderPages {

    static final int PAGE_SIZE = 10;
    static final int LAST_PAGE = 1000;

    @Inject
    Searcher searcher;

    @Override
    public Set<String> sections() {
        return Set.of("search");
    }

    @Override
    public void get(ReaderRequest request) throws IOException {
        if (request.parts().size() != 1) {
            throw request.notFound();
        }
        String query = request.parameter("q").orElse("");
        int page = 1;
        try {
            page = Math.max(1, Math.min(LAST_PAGE, Integer.parseInt(request.parameter("page").orElse("1"))));
        } catch (NumberFormatException ignored) {
            // a mangled page number shows the first page
        }
        SearchResult result = searcher.search(query, request.negotiated(), null, null, page, PAGE_SIZE);
        request.render("search/boundary/search.jte", Map.of("result", result, "query", query), 200);
    }
}
