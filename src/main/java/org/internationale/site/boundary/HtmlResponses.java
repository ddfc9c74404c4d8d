package org.internationale.site.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.api.control.XmlCharacters;
import org.internationale.site.control.EntityTags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writing a rendered page: UTF-8, its language, and for public pages an entity tag answered with 304 when unchanged. */
public final class HtmlResponses {

    private HtmlResponses() {
    }

    /**
     * @param shared whether caches may keep the page for everyone (public reader pages); otherwise it is private to
     *               this browser (a page with a CSRF token, the workspace)
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String language, String html,
                     boolean shared) throws IOException {
        // a text stored before input refused control characters must not make the page ill-formed
        byte[] body = XmlCharacters.replaceForbidden(html).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", language);
        if (status == 200 && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            String etag = EntityTags.of(body);
            response.setHeader("ETag", etag);
            // stored, but asked again every time: a new translation or status shows at once, unchanged pages cost a 304
            response.setHeader("Cache-Control", shared ? "public, no-cache" : "private, no-cache");
            if (EntityTags.matches(request.getHeader("If-None-Match"), etag)) {
                response.setStatus(304);
                return;
            }
        } else {
            response.setHeader("Cache-Control", "no-store");
        }
        response.setStatus(status);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Redirect after a POST (303) or to the canonical address. */
    public static void redirect(HttpServletResponse response, int status, String location) {
        response.setStatus(status);
        response.setHeader("Location", location);
        response.setHeader("Cache-Control", "no-store");
    }
}
