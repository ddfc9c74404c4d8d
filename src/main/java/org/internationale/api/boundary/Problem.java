package org.internationale.api.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/** Builds {@code application/problem+json} responses (RFC 9457). */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final int status;
    private final JsonObjectBuilder body = Json.createObjectBuilder();

    private Problem(int status, String title, String detail) {
        this.status = status;
        body.add("type", "about:blank").add("title", title).add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(status, title, detail);
    }

    public Problem with(String name, String value) {
        if (value == null) {
            body.addNull(name);
        } else {
            body.add(name, value);
        }
        return this;
    }

    public Problem with(String name, int value) {
        body.add(name, value);
        return this;
    }

    public Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(body.build().toString()).build();
    }
}
