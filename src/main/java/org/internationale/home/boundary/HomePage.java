package org.internationale.home.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.internationale.demands.control.DemandBoard;
import org.internationale.publishing.control.DocumentReader;
import org.internationale.publishing.entity.DocumentType;
import org.internationale.publishing.entity.DocumentView;
import org.internationale.site.boundary.ReaderPages;
import org.internationale.site.boundary.ReaderRequest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /{lang}/}: the newest updates and where each demand stands. */
@ApplicationScoped
public class HomePage implements ReaderPages {

    static final int UPDATES_SHOWN = 5;

    @Inject
    DocumentReader documents;

    @Inject
    DemandBoard demands;

    @Override
    public Set<String> sections() {
        return Set.of("");
    }

    @Override
    public void get(ReaderRequest request) throws IOException {
        if (request.parts().size() != 1) {
            throw request.notFound();
        }
        // one list of the newest updates serves both the page's own list and each demand's latest
        List<DocumentView> updates = documents.newest(DocumentType.UPDATE, request.negotiated(), DemandBoard.RECENT_UPDATES);
        request.render("home/boundary/home.jte", Map.of(
                "updates", updates.subList(0, Math.min(UPDATES_SHOWN, updates.size())),
                "demands", demands.all(request.negotiated(), updates)), 200);
    }
}
