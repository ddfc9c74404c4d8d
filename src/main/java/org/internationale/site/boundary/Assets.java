package org.internationale.site.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.site.control.EntityTags;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site's stylesheet and the workspace's small script, from {@code src/main/webapp/assets}. Served here because
 * the reader site is the default servlet; with an entity tag and a day of caching.
 */
@WebServlet("/assets/*")
public class Assets extends HttpServlet {

    private static final Map<String, String> TYPES = Map.of("css", "text/css;charset=UTF-8", "js", "text/javascript;charset=UTF-8");
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        if (!name.matches("[a-z0-9-]+\\.(css|js)")) {
            response.sendError(404);
            return;
        }
        byte[] body = body(name);
        if (body.length == 0) {
            response.sendError(404);
            return;
        }
        String etag = EntityTags.of(body);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "public, max-age=86400");
        if (EntityTags.matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(304);
            return;
        }
        response.setContentType(TYPES.get(extension));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * The file's bytes, empty when there is none. Only files that exist are kept: a name is whatever a client asks for,
     * so keeping misses too would let anyone fill the memory with names; the files themselves are few and fixed.
     */
    byte[] body(String name) {
        byte[] kept = files.get(name);
        if (kept != null) {
            return kept;
        }
        byte[] read = read(name);
        if (read.length > 0) {
            files.put(name, read);
        }
        return read;
    }

    int kept() {
        return files.size();
    }

    byte[] read(String name) {
        try (InputStream in = getServletContext().getResourceAsStream("/assets/" + name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
