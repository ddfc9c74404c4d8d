package org.internationale.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A small HTTP client for black-box tests of the deployed application. */
public final class Api {

    public static final String ADMIN_PASSWORD = "it-admin-password";

    /** The last client address handed out; see {@link #client}. */
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final URI base;
    private final HttpClient http;
    /**
     * The client this instance speaks for, sent as {@code X-Forwarded-For} unless a request names its own: the test
     * server trusts loopback as a proxy, and its per-client limits (mail requests, login failures) outlive a test class
     * now that one server serves the run, so each client has its own. From 198.18.0.0/15, kept for benchmark tests.
     */
    private final String client;

    public Api(URL deployment) {
        this(deployment, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build());
    }

    private Api(URL deployment, HttpClient http) {
        String url = deployment.toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.http = http;
        int n = CLIENTS.incrementAndGet() % (2 * 256 * 256 - 2) + 1;
        this.client = "198." + (18 + n / 65536) + "." + (n / 256 % 256) + "." + (n % 256);
    }

    /** The client address this instance's requests come from, as the server sees it. */
    public String client() {
        return client;
    }

    /** A client that keeps cookies, as a browser does: for session logins. */
    public static Api browser(URL deployment) {
        return new Api(deployment, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .cookieHandler(new java.net.CookieManager()).build());
    }

    public Reply send(String method, String path, String json, String authorization) {
        HttpRequest.Builder builder = request(path).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return send(builder);
    }

    public record Reply(int status, String contentType, String contentLanguage, String body, HttpResponse<String> raw) {

        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public JsonStructure jsonValue() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path)).timeout(Duration.ofSeconds(30));
    }

    /**
     * A request as a browser or attacker can send it but {@link java.net.http.HttpClient} will not: with a {@code Host}
     * header of our choosing (and any other headers). Over a plain socket; answers the status and body.
     */
    public Reply sendWithHost(String method, String path, String host, Map<String, String> headers, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(base.resolve(path).getRawPath())
                .append(base.resolve(path).getRawQuery() == null ? "" : "?" + base.resolve(path).getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\nConnection: close\r\nContent-Length: ").append(body.length).append("\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (headers.keySet().stream().noneMatch("X-Forwarded-For"::equalsIgnoreCase)) {
            head.append("X-Forwarded-For: ").append(client).append("\r\n");
        }
        head.append("\r\n");
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            return new Reply(status, "", null, split < 0 ? "" : response.substring(split + 4), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply get(String path, String header, String value) {
        return send(request(path).header(header, value).GET());
    }

    public Reply asAdmin(HttpRequest.Builder request) {
        return send(request.header("Authorization", basic("admin", ADMIN_PASSWORD)));
    }

    public Reply putJson(String path, String json, String authorization) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return send(builder);
    }

    /**
     * Makes sure a test account exists (created by the bootstrap admin) and returns its Basic credentials.
     *
     * @param grants the JSON members for roles and languages, e.g. {@code "roles":["translator"],"languages":["es"]}
     */
    public String account(String username, String password, String grants) {
        String admin = basic("admin", ADMIN_PASSWORD);
        if (send("GET", "api/admin/users/" + username, null, admin).status() == 404) {
            Reply created = send("POST", "api/admin/users", "{\"username\":\"" + username + "\",\"displayName\":\"" + username
                    + "\",\"email\":\"" + username + "@example.org\",\"password\":\"" + password + "\"," + grants + "}", admin);
            if (created.status() != 201) {
                throw new IllegalStateException("could not create " + username + ": " + created.body());
            }
        }
        return basic(username, password);
    }

    /**
     * Like {@link #account}, but returns a bearer token of the account: a token is checked with one hash lookup,
     * Basic credentials with a deliberately slow PBKDF2 (about 150 ms), so tests that make many requests use tokens.
     */
    public String token(String username, String password, String grants) {
        String basic = "admin".equals(username) ? basic("admin", ADMIN_PASSWORD) : account(username, password, grants);
        Reply issued = send("POST", "api/admin/tokens", "{\"name\":\"tests\"}", basic);
        if (issued.status() != 201) {
            throw new IllegalStateException("could not issue a token for " + username + ": " + issued.body());
        }
        return "Bearer " + issued.json().getString("token");
    }

    /**
     * Saves a translation of a document's title, summary and body as {@code translator} and approves each as
     * {@code reviewer}, asserting every step succeeds.
     */
    public void translateAndApprove(jakarta.json.JsonObject document, String language, String translator, String reviewer,
                                    String title, String summary, String body) {
        String[][] parts = {{"titleId", title}, {"summaryId", summary}, {"bodyId", body}};
        for (String[] part : parts) {
            String id = document.getString(part[0]);
            Reply saved = send("PUT", "api/admin/translations/" + language + "/" + id,
                    jakarta.json.Json.createObjectBuilder().add("text", part[1]).add("baseRevision", 0).build().toString(), translator);
            if (saved.status() != 200) {
                throw new AssertionError("saving " + language + " " + id + ": " + saved.status() + " " + saved.body());
            }
            Reply approved = send("POST", "api/admin/translations/" + language + "/" + id + "/approve",
                    "{\"revision\":" + saved.json().getInt("revision") + "}", reviewer);
            if (approved.status() != 200) {
                throw new AssertionError("approving " + language + " " + id + ": " + approved.status() + " " + approved.body());
            }
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Reply send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        if (built.headers().firstValue("X-Forwarded-For").isEmpty()) {
            built = HttpRequest.newBuilder(built, (name, value) -> true).header("X-Forwarded-For", client).build();
        }
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Language").orElse(null), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
