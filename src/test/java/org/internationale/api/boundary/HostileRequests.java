package org.internationale.api.boundary;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import org.internationale.testing.Api;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The jqwik property {@link ApiFuzzIT} runs against the deployed application: every operation of the OpenAPI document,
 * with hostile values in each path and query parameter and a hostile body, sent as each caller, never makes the
 * server fail and every refusal is a problem. Not an {@code *IT} itself: it needs the deployment ApiFuzzIT starts.
 *
 * <p>Only invalid requests are generated, so the snapshot ApiFuzzIT takes stays unchanged: a request that could
 * change data (not GET) always has an invalid body, an impossible path value, or, when it reads neither, a query
 * parameter holding a NUL.
 */
public class HostileRequests {

    /** The fixed seed CI runs; print it with the count so a failure can be replayed. */
    static final String SEED = "2026120722";
    /** Each try is sent once per caller, so the requests are TRIES × callers. */
    static final int TRIES = 1300;

    /** What ApiFuzzIT hands over before launching: the operations, the callers and where findings go. */
    record Target(Api api, List<ApiFuzzIT.Operation> operations, Map<String, String> callers, AtomicInteger sent,
                  List<String> findings) {
    }

    static volatile Target target;

    record Attempt(int operation, List<String> pathValues, List<String> queryValues, String body, boolean utf8Body) {
    }

    private static final List<String> HOSTILE = List.of(
            "", " ", "a".repeat(300), "ж".repeat(1500), "\u0000", "a\u0007b", "\u001b[2J", "\uFFFE", "\uFFFF", "x\uD800y", "\uDC00",
            "x\r\nSet-Cookie: a=b", "\r\n\r\nGET / HTTP/1.1", "../../../../etc/passwd", "..\\..\\windows", "%2e%2e%2f", "/",
            "-1", "0", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e309", "NaN", "-0", "0x10", "1.5",
            "e", "en--US", "toolongtag123", "x", "123", "-en", "zh-Hans-", "en_", "i-klingon-", "und-x",
            "\u202Eevil", "\u200B", "e\u0301\u0301\u0301", "😀".repeat(100), "%s%n%x", "{0}", "${jndi:ldap://127.0.0.1/x}",
            "<script>alert(1)</script>", "' OR 1=1 --", "*", "?", "#", "&", "=", "\\", "\"", "null", "true", "[]", "{}");

    /** Percent-escapes of bytes that are not UTF-8: decoded, they become U+FFFD or are refused. */
    private static final List<String> RAW_ESCAPES = List.of("%FF", "%C3%28", "%ED%A0%80", "%F4%90%80%80", "%C0%AF", "%00", "%0D%0A");

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.OFF)
    void noInputMakesTheServerFailOrAnswerWithoutAProblem(@ForAll("attempts") Attempt attempt) {
        Target t = target;
        ApiFuzzIT.Operation operation = t.operations().get(attempt.operation());
        String path = operation.path();
        for (int i = 0; i < operation.pathParameters().size(); i++) {
            path = path.replace("{" + operation.pathParameters().get(i) + "}", attempt.pathValues().get(i));
        }
        List<String> query = new ArrayList<>();
        for (int i = 0; i < operation.queryParameters().size(); i++) {
            query.add(operation.queryParameters().get(i) + "=" + attempt.queryValues().get(i));
        }
        boolean changes = !operation.method().equals("GET");
        // Payara's HTTP listener refuses a DELETE with a body itself, with a bare 400 before the application
        boolean carries = operation.method().equals("POST") || operation.method().equals("PUT") || operation.method().equals("PATCH");
        // an operation that reads neither path nor body (a mailbox check, a logout) would run: a NUL refuses it
        if (changes && operation.pathParameters().isEmpty() && !operation.body()) {
            query.add("fuzz=%00");
        }
        String uri = path.substring(1) + (query.isEmpty() ? "" : "?" + String.join("&", query));
        String body = carries ? attempt.body() : null;
        for (Map.Entry<String, String> caller : t.callers().entrySet()) {
            HttpRequest.Builder request;
            try {
                request = t.api().request(uri);
            } catch (IllegalArgumentException e) {
                throw new AssertionError("generated an address the client cannot send: " + uri, e);
            }
            if (body != null) {
                byte[] bytes = attempt.utf8Body() ? body.getBytes(StandardCharsets.UTF_8) : invalidUtf8(body);
                request.header("Content-Type", "application/json").method(operation.method(), HttpRequest.BodyPublishers.ofByteArray(bytes));
            } else {
                request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
            }
            if (caller.getValue() != null) {
                request.header("Authorization", caller.getValue());
            }
            Api.Reply reply = t.api().send(request);
            t.sent().incrementAndGet();
            String what = operation.method() + " /" + uri + " as " + caller.getKey() + (body == null ? "" : " with " + abbreviated(body));
            if (reply.status() >= 500) {
                t.findings().add(reply.status() + " for " + what + ": " + abbreviated(reply.body()));
            } else if (reply.status() >= 400 && !reply.contentType().startsWith(Problem.MEDIA_TYPE)) {
                t.findings().add(reply.status() + " as " + reply.contentType() + " for " + what);
            }
        }
        if (!t.findings().isEmpty()) {
            throw new AssertionError(t.findings().get(0));
        }
    }

    private static String abbreviated(String text) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "…" : text;
        return shown.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** The body's UTF-8 with a lone continuation byte and an overlong form of '/' spliced in. */
    private static byte[] invalidUtf8(String body) {
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[utf8.length + 3];
        int middle = utf8.length / 2;
        System.arraycopy(utf8, 0, bad, 0, middle);
        bad[middle] = (byte) 0x80;
        bad[middle + 1] = (byte) 0xC0;
        bad[middle + 2] = (byte) 0xAF;
        System.arraycopy(utf8, middle, bad, middle + 3, utf8.length - middle);
        return bad;
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        int operations = target.operations().size();
        return Arbitraries.integers().between(0, operations - 1).flatMap(index -> {
            ApiFuzzIT.Operation operation = target.operations().get(index);
            return Combinators.combine(
                    pathValue().list().ofSize(operation.pathParameters().size()),
                    queryValue().list().ofSize(operation.queryParameters().size()),
                    body(), Arbitraries.integers().between(0, 9))
                    .as((path, query, body, dice) -> new Attempt(index, path, query, body, dice > 0));
        });
    }

    /** A hostile query value: percent-encoded, or escapes of bytes that are not UTF-8 at all. */
    private static Arbitrary<String> queryValue() {
        Arbitrary<String> escapes = Arbitraries.of(RAW_ESCAPES).list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("", l));
        return Arbitraries.frequencyOf(Tuple.of(5, encoded()), Tuple.of(2, escapes));
    }

    /**
     * A hostile path segment. Payara's HTTP listener itself refuses a path with an escaped NUL, an escaped backslash,
     * escapes that are not UTF-8 or dot segments climbing above the root — a bare "400 Invalid URI" before the
     * application is reached — and resolves an escaped {@code ../} before routing, so a path may leave the API for a
     * reader page. Those go in query values; a path gets encoded text, numbers and a single dot-dot segment.
     */
    private static Arbitrary<String> pathValue() {
        Arbitrary<String> dots = Arbitraries.of("..", ".%2e", "%2e%2e");
        return Arbitraries.frequencyOf(Tuple.of(8, encoded()), Tuple.of(1, dots))
                .filter(v -> !v.contains("%00") && !v.contains("%5C") && !(v.contains("..") && v.contains("%2F")));
    }

    private static Arbitrary<String> encoded() {
        Arbitrary<String> listed = Arbitraries.of(HOSTILE);
        Arbitrary<String> generated = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> numbers = Arbitraries.longs().map(n -> n < 0 ? Long.toString(n) : n + "0000000000");
        return Arbitraries.frequencyOf(Tuple.of(5, listed), Tuple.of(2, generated), Tuple.of(1, numbers)).map(HostileRequests::encode);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static final List<String> FIELDS = List.of("email", "languages", "topics", "title", "summary", "body", "text", "type",
            "language", "username", "displayName", "password", "roles", "name", "at", "revision", "baseRevision", "note", "status",
            "source", "target", "term", "documentId", "demands", "slug", "reason", "current", "next");

    /** Never a valid body: malformed, the wrong kind of JSON, a text XML cannot carry, or nested past any use. */
    private static Arbitrary<String> body() {
        Arbitrary<String> malformed = Arbitraries.of("{", "{\"a\":}", "", "nul", "{\"a\" 1}", "[1,]", "{'a':1}", "\u0000", "{\"a\":\"\\u12\"}",
                "{\"a\":1}}", "\uFEFF{}x", "{\"a\":\"unterminated}");
        Arbitrary<String> wrongKind = Arbitraries.of("5", "-1e999", "true", "[]", "\"text\"", "[1,{}]", "123456789012345678901234567890");
        // the forbidden character as a JSON escape: the writer would turn a lone surrogate into '?'
        Arbitrary<String> poisoned = Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.of(HOSTILE),
                        Arbitraries.of("\\u0000", "\\u0008", "\\uFFFF", "\\uD800", "\\uDFFF"))
                .as((field, value, poison) -> {
                    String json = jakarta.json.Json.createObjectBuilder().add(field, value).build().toString();
                    return json.substring(0, json.length() - 2) + poison + "\"}";
                });
        Arbitrary<String> wrongTypes = Arbitraries.of(FIELDS).list().ofMinSize(1).ofMaxSize(6).uniqueElements()
                .flatMap(fields -> Arbitraries.of("[{\"a\":[]}]", "{\"nested\":{\"deeper\":[1]}}", "[[[]]]", "[{}, {}]")
                        .list().ofSize(fields.size()).map(values -> {
                            StringBuilder json = new StringBuilder("{");
                            for (int i = 0; i < fields.size(); i++) {
                                json.append(i == 0 ? "" : ",").append('"').append(fields.get(i)).append("\":").append(values.get(i));
                            }
                            return json.append('}').toString();
                        }));
        Arbitrary<String> deep = Arbitraries.integers().between(40, 20_000).map(depth -> "[".repeat(depth) + "]".repeat(depth));
        Arbitrary<String> deepObject = Arbitraries.integers().between(40, 5_000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
        Arbitrary<String> overlong = Arbitraries.integers().between(10_000, 300_000).map(n -> "{\"text\":\"" + "ü".repeat(n) + "\u0001\"}");
        return Arbitraries.oneOf(malformed, wrongKind, poisoned, poisoned, wrongTypes, deep, deepObject, overlong);
    }
}
