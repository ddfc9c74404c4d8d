package org.internationale.site.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.api.control.XmlCharacters;
import org.internationale.site.control.EntityTags;
import org.internationale.site.entity.RenderedPage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writing a rendered page (or feed): UTF-8, its language, and for public ones an entity tag answered with 304 when
 * unchanged and the caching rule for caches in front.
 */
public final class HtmlResponses {

    private HtmlResponses() {
    }

    /**
     * How long a cache in front (nginx, a CDN) may keep a public page: a second, then it asks again (and while it asks,
     * or when the site is down, it may serve what it has); browsers always ask, answered by 304 when unchanged.
     */
    public static final String SHARED = "public, max-age=0, s-maxage=1, stale-while-revalidate=30, stale-if-error=86400";

    /** The page's bytes as sent, with a strong entity tag of them. */
    public static RenderedPage page(String html, String language) {
        // a text stored before input refused control characters must not make the page ill-formed
        byte[] body = XmlCharacters.replaceForbidden(html).getBytes(StandardCharsets.UTF_8);
        return new RenderedPage(body, EntityTags.of(body), language);
    }

    /**
     * @param shared whether caches may keep the page for everyone (public reader pages); otherwise it is private to
     *               this browser (a page with a CSRF token, the workspace)
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String language, String html,
                            boolean shared) throws IOException {
        send(request, response, status, page(html, language), shared);
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, int status, RenderedPage page,
                            boolean shared) throws IOException {
        send(request, response, status, page, shared, "text/html;charset=UTF-8");
    }

    /** Any rendered text the site serves the same way: a feed, or a page. */
    public static void send(HttpServletRequest request, HttpServletResponse response, int status, RenderedPage page,
                            boolean shared, String contentType) throws IOException {
        response.setContentType(contentType);
        response.setHeader("Content-Language", page.language());
        if (status == 200 && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            response.setHeader("ETag", page.etag());
            // stored, but asked again: a new translation or status shows at once, unchanged pages cost a 304
            response.setHeader("Cache-Control", shared ? SHARED : "private, no-cache");
            if (EntityTags.matches(request.getHeader("If-None-Match"), page.etag())) {
                response.setStatus(304);
                return;
            }
        } else {
            response.setHeader("Cache-Control", "no-store");
        }
        response.setStatus(status);
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }

    /** Redirect after a POST (303) or to the canonical address. */
    public static void redirect(HttpServletResponse response, int status, String location) {
        response.setStatus(status);
        response.setHeader("Location", location);
        response.setHeader("Cache-Control", "no-store");
    }
}
