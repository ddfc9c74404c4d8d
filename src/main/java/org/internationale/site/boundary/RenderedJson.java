package org.internationale.site.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import org.internationale.site.control.EntityTags;
import org.internationale.site.control.PageCache;
import org.internationale.site.entity.RenderedPage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Public JSON ({@link KeptRendered}) kept as written, in the same cache as the reader's pages and forgotten with them
 * on every change: a hit is answered before the resource runs, with its entity tag (304 when the client has it); a
 * miss is written to a buffer, so its entity tag and caching rule can still be set before the first byte leaves.
 * Only anonymous requests are kept: a caller with credentials or a session may be answered otherwise.
 */
@Provider
@KeptRendered
public class RenderedJson implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    private static final String ADDRESS = RenderedJson.class.getName() + ".address";
    private static final String GENERATION = RenderedJson.class.getName() + ".generation";
    private static final String KEEP = RenderedJson.class.getName() + ".keep";

    @Inject
    PageCache cache;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || servletRequest != null && servletRequest.getSession(false) != null) {
            return;
        }
        // the language may come from Accept-Language when the address names none, so it is part of the address kept
        String address = "json " + request.getUriInfo().getRequestUri().getRawPath() + "?"
                + Optional.ofNullable(request.getUriInfo().getRequestUri().getRawQuery()).orElse("") + " "
                + Optional.ofNullable(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)).orElse("");
        Optional<RenderedPage> kept = cache.get(address);
        if (kept.isPresent()) {
            RenderedPage page = kept.get();
            Response.ResponseBuilder answer = page.etag().equals(request.getHeaderString(HttpHeaders.IF_NONE_MATCH))
                    ? Response.notModified() : Response.ok(page.body(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
            if (page.language() != null) {
                answer.header(HttpHeaders.CONTENT_LANGUAGE, page.language());
            }
            request.abortWith(answer.header(HttpHeaders.ETAG, page.etag()).header(HttpHeaders.CACHE_CONTROL, HtmlResponses.SHARED)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build());
            return;
        }
        request.setProperty(ADDRESS, address);
        request.setProperty(GENERATION, cache.generation());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ADDRESS) != null && response.getStatus() == 200) {
            request.setProperty(KEEP, Boolean.TRUE);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (context.getProperty(KEEP) == null) {
            context.proceed();
            return;
        }
        OutputStream original = context.getOutputStream();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
        context.setOutputStream(buffer);
        context.proceed();
        byte[] body = buffer.toByteArray();
        Object language = context.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE);
        RenderedPage page = new RenderedPage(body, EntityTags.of(body), language == null ? null : language.toString());
        cache.keep((String) context.getProperty(ADDRESS), (Long) context.getProperty(GENERATION), page);
        context.getHeaders().putSingle(HttpHeaders.ETAG, page.etag());
        context.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, HtmlResponses.SHARED);
        context.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        original.write(body);
    }
}
