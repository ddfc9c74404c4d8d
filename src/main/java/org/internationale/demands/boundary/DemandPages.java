package org.internationale.demands.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.internationale.demands.control.DemandBoard;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.site.boundary.ReaderPages;
import org.internationale.site.boundary.ReaderRequest;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/** {@code /{lang}/demands/{id}}: one demand, its status history and the updates about it. */
@ApplicationScoped
public class DemandPages implements ReaderPages {

    @Inject
    DemandBoard demands;

    @Inject
    LanguageRegistry languages;

    @Override
    public Set<String> sections() {
        return Set.of("demands");
    }

    @Override
    public void get(ReaderRequest request) throws IOException {
        String id = request.single();
        DemandBoard.Demand demand = demands.all(request.negotiated()).stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(request::notFound);
        request.render("demands/boundary/demand.jte", Map.of("demand", demand, "source", languages.source().value()), 200);
    }
}
