package org.internationale.api.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.internationale.system.control.PublicAddress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Security headers on every response, and a limit on request bodies. The Content-Security-Policy allows no inline
 * script and no framing; when the public address ({@code PUBLIC_BASE_URL}) is https, browsers are told to use
 * nothing else (HSTS); bodies over {@value #MAX_BODY_BYTES} bytes are refused with 413 before anything reads them,
 * including chunked bodies that announce no length.
 */
// ERROR too: what the container answers itself (a login required, a refused login) gets the same headers
@WebFilter(urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD, DispatcherType.ASYNC})
public class HttpHardening extends HttpFilter {

    /** JSON and form requests are small; the largest legitimate body is a translation file upload. */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** A year, the figure browsers' preload lists ask for; sent only when the public address is https. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    @Inject
    PublicAddress publicAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        harden(response, publicAddress.https());
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            // answered without reading the body: the connection cannot carry another request after it
            response.setHeader("Connection", "close");
            response.setStatus(413);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(jakarta.json.Json.createObjectBuilder().add("type", "about:blank")
                    .add("title", "Content Too Large").add("status", 413)
                    .add("detail", "Requests may carry at most " + MAX_BODY_BYTES + " bytes.").build().toString());
            return;
        }
        chain.doFilter(new LimitedBody(request), response);
    }

    /**
     * The security headers, for a filter that answers before this one may have run: filters declared by annotation
     * run in no set order.
     */
    public static void harden(HttpServletResponse response, boolean https) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (https) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }

    /** A body read past the limit — a chunked one that gave no length — fails with {@link BodyTooLargeException}. */
    private static final class LimitedBody extends HttpServletRequestWrapper {

        LimitedBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                private void count(long n) throws BodyTooLargeException {
                    read += n;
                    if (read > MAX_BODY_BYTES) {
                        throw new BodyTooLargeException();
                    }
                }

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }

    /** The request body went past {@link #MAX_BODY_BYTES}. */
    public static final class BodyTooLargeException extends IOException {
        public BodyTooLargeException() {
            super("Requests may carry at most " + MAX_BODY_BYTES + " bytes.");
        }
    }
}
