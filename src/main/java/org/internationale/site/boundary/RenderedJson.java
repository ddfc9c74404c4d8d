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
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import org.internationale.site.control.EntityTags;
import org.internationale.site.control.PageCache;
import org.internationale.site.entity.RenderedPage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Public JSON ({@link KeptRendered}) kept as written, in the same cache as the reader's pages and forgotten with them
 * on every change. A hit is answered by {@link KeptJson} before JAX-RS runs; a miss is written once here, by the
 * writer JAX-RS would have used, so that it can be kept and both carry the same entity tag, answered with 304 when
 * the client has it. Only anonymous requests are kept: a caller with credentials or a session may be answered
 * otherwise.
 */
@Provider
@KeptRendered
public class RenderedJson implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String ADDRESS = RenderedJson.class.getName() + ".address";
    private static final String GENERATION = RenderedJson.class.getName() + ".generation";
    static final String MEDIA_TYPE = "application/json;charset=UTF-8";
    private static final MediaType JSON = MediaType.valueOf(MEDIA_TYPE);

    @Inject
    PageCache cache;

    @Context
    HttpServletRequest servletRequest;

    @Context
    Providers providers;

    @Override
    public void filter(ContainerRequestContext request) {
        // a kept answer was sent by KeptJson before JAX-RS saw the request; this one is to be written, and kept
        if (servletRequest != null && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) && keepable(servletRequest)) {
            request.setProperty(ADDRESS, address(servletRequest));
            request.setProperty(GENERATION, cache.generation());
            cache.missed();
        }
    }

    /** Nobody's own answer: no credentials, no session. */
    static boolean keepable(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getSession(false) == null;
    }

    /** The language may come from Accept-Language when the address names none, so it is part of the address kept. */
    static String address(HttpServletRequest request) {
        return "json " + request.getRequestURI() + "?" + Optional.ofNullable(request.getQueryString()).orElse("") + " "
                + Optional.ofNullable(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)).orElse("");
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ADDRESS) == null || response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        Object entity = response.getEntity();
        MediaType type = response.getMediaType() == null ? JSON : response.getMediaType();
        MessageBodyWriter writer = providers.getMessageBodyWriter(entity.getClass(), response.getEntityType(),
                response.getEntityAnnotations(), type);
        if (writer == null) {
            return;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
        try {
            writer.writeTo(entity, entity.getClass(), response.getEntityType(), response.getEntityAnnotations(), type,
                    response.getHeaders(), buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = buffer.toByteArray();
        Object language = response.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE);
        RenderedPage page = new RenderedPage(body, EntityTags.of(body), language == null ? null : language.toString());
        cache.keep((String) request.getProperty(ADDRESS), (Long) request.getProperty(GENERATION), page);
        response.getHeaders().putSingle(HttpHeaders.ETAG, page.etag());
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, HtmlResponses.SHARED);
        response.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        if (EntityTags.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), page.etag())) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, body.length);
            response.setEntity(body, response.getEntityAnnotations(), JSON);
        }
    }
}
