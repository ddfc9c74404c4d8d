package org.internationale.api.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import org.internationale.api.entity.RetryAfter;

import java.time.Duration;

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

    /**
     * 429 with {@code Retry-After} in whole seconds, rounded up: a client that waits exactly that long is let in
     * (rounded down, it would be refused once more).
     */
    public static Response tooManyRequests(String detail, Duration wait) {
        return withRetryAfter(of(429, "Too Many Requests", detail).response(), wait);
    }

    static Response withRetryAfter(Response response, Duration wait) {
        return Response.fromResponse(response).header("Retry-After", RetryAfter.seconds(wait)).build();
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

    /** A problem field of any kind a feature's exception names: text, a whole number, or null. */
    public Problem with(String name, Object value) {
        if (value instanceof Integer number) {
            return with(name, number.intValue());
        }
        return with(name, value == null ? null : value.toString());
    }

    public Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(body.build().toString()).build();
    }
}
