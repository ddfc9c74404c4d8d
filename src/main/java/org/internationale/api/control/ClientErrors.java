package org.internationale.api.control;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * An error answered before or outside JAX-RS (a servlet, a filter, the authentication mechanism) whose message is
 * meant for the client: the container renders it through the error page ({@code ContainerErrors}) as problem
 * details. Messages given to {@code sendError} any other way are the container's own and never shown.
 */
public final class ClientErrors {

    /** Marks a {@code sendError} message as written for the client. */
    public static final String PREFIX = "client: ";

    private ClientErrors() {
    }

    public static void send(HttpServletResponse response, int status, String detail) throws IOException {
        response.sendError(status, PREFIX + XmlCharacters.replaceForbidden(detail));
    }
}
