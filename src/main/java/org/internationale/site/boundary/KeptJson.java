package org.internationale.site.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.api.boundary.HttpHardening;
import org.internationale.site.control.EntityTags;
import org.internationale.site.control.PageCache;
import org.internationale.site.entity.RenderedPage;
import org.internationale.system.control.PublicAddress;

import java.io.IOException;
import java.util.Optional;

/**
 * Sends public JSON that {@link RenderedJson} kept before JAX-RS sees the request: matching, the request scope and
 * the filters cost a kept answer half its time, as they did kept pages before {@link ReaderSite} sent them first
 * (bench/README.md). Only a GET without credentials or session is answered here; everything else, and every address
 * not kept, goes on to JAX-RS unchanged. Nothing reaches this cache but what a {@code @KeptRendered} resource wrote.
 */
@WebFilter(urlPatterns = "/api/*")
public class KeptJson extends HttpFilter {

    @Inject
    PageCache cache;

    @Inject
    PublicAddress publicAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        Optional<RenderedPage> kept = "GET".equals(request.getMethod()) && RenderedJson.keepable(request)
                ? cache.kept(RenderedJson.address(request)) : Optional.empty();
        if (kept.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        RenderedPage page = kept.get();
        HttpHardening.harden(response, publicAddress.https());
        response.setHeader("ETag", page.etag());
        response.setHeader("Cache-Control", HtmlResponses.SHARED);
        response.setHeader("Vary", "Accept-Language");
        if (page.language() != null) {
            response.setHeader("Content-Language", page.language());
        }
        if (EntityTags.matches(request.getHeader("If-None-Match"), page.etag())) {
            response.setStatus(304);
            return;
        }
        response.setContentType(RenderedJson.MEDIA_TYPE);
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }
}
