package org.internationale.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.internationale.platform.control.EditionArchive;
import org.internationale.platform.control.PlatformReader;
import org.internationale.platform.entity.PlatformView;
import org.internationale.site.boundary.ReaderPages;
import org.internationale.site.boundary.ReaderRequest;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /{lang}/platform} (today's text, or an edition's with {@code ?edition=n}) and
 * {@code /{lang}/platform/changes?from=&to=} (what changed between two editions). The same views as the JSON API's.
 */
@ApplicationScoped
public class PlatformPages implements ReaderPages {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    PlatformReader platform;

    @Inject
    EditionArchive editions;

    @Override
    public Set<String> sections() {
        return Set.of("platform");
    }

    @Override
    public void get(ReaderRequest request) throws IOException {
        List<String> parts = request.parts();
        if (parts.size() == 1) {
            platform(request);
        } else if (parts.size() == 2 && parts.get(1).equals("changes")) {
            changes(request);
        } else {
            throw request.notFound();
        }
    }

    private void platform(ReaderRequest request) throws IOException {
        String requested = request.parameter("edition").orElse("");
        Integer edition = requested.isBlank() ? null : Integer.valueOf(requested);
        PlatformView view = edition == null ? platform.platform(request.negotiated())
                : editions.platform(edition, request.tag()).map(json -> JSONB.fromJson(json.toString(), PlatformView.class))
                .orElseThrow(request::notFound);
        Map<String, Object> model = new HashMap<>();
        model.put("platform", view);
        model.put("editions", editions.all());
        model.put("edition", edition);
        request.render("platform/boundary/platform.jte", model, 200);
    }

    private void changes(ReaderRequest request) throws IOException {
        int from = Integer.parseInt(request.parameter("from").orElse(""));
        int to = Integer.parseInt(request.parameter("to").orElse(""));
        EditionArchive.EditionDiff diff = editions.diff(from, to, request.tag()).orElseThrow(request::notFound);
        request.render("platform/boundary/changes.jte", Map.of("diff", diff), 200);
    }
}
