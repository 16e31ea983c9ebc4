package io.salesflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/** A plain HTTP client for the running application: tests see exactly what a real client sees. */
public class Api {

    public static final String DEMO_PASSWORD = "Salesflow-demo-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final Environment environment;
    private final Map<String, Token> tokenCache = new ConcurrentHashMap<>();

    /** Access tokens live 15 minutes; a suite runs longer, so one is signed in again after ten. */
    private record Token(String value, Instant obtained) {
        boolean fresh() {
            return obtained.plus(Duration.ofMinutes(10)).isAfter(Instant.now());
        }
    }

    Api(Environment environment) {
        this.environment = environment;
    }

    public String base() {
        return "http://localhost:" + environment.getProperty("local.server.port");
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public Call get(String path) {
        return call("GET", path);
    }

    public Call post(String path) {
        return call("POST", path);
    }

    /** Signs in a demo user and returns an access token (cached per test run). */
    public String token(String tenant, String email) {
        return cachedToken(tenant + "/" + email, () -> login(tenant, email, DEMO_PASSWORD));
    }

    /** Signs in the demo platform operator and returns their access token (cached per test run). */
    public String operatorToken() {
        return cachedToken("platform/operator", () -> platformLogin("operator", DEMO_PASSWORD));
    }

    private String cachedToken(String key, Supplier<Response> signIn) {
        return tokenCache
                .compute(
                        key,
                        (k, cached) -> cached != null && cached.fresh()
                                ? cached
                                : new Token(
                                        signIn.get()
                                                .expect(200)
                                                .json()
                                                .get("accessToken")
                                                .asText(),
                                        Instant.now()))
                .value();
    }

    public Response platformLogin(String username, String password) {
        return post("/api/v1/auth/platform/login")
                .json(Map.of("username", username, "password", password))
                .send();
    }

    /** A call as the installation's platform operator, who belongs to no workspace. */
    public Call asOperator(String method, String path) {
        return call(method, path).bearer(operatorToken());
    }

    public Response login(String tenant, String email, String password) {
        return post("/api/v1/auth/login")
                .json(Map.of("tenant", tenant, "email", email, "password", password))
                .send();
    }

    public Call as(String tenant, String email, String method, String path) {
        return call(method, path).bearer(token(tenant, email));
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public final class Call {
        private final HttpRequest.Builder builder;
        private final String method;
        private final URI uri;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        private byte[] bodyBytes = new byte[0];
        private String localAddress;

        Call(String method, String path) {
            this.method = method;
            this.uri = URI.create(base() + path);
            this.builder = HttpRequest.newBuilder(uri);
        }

        public Call header(String name, String value) {
            builder.header(name, value);
            headers.add(Map.entry(name, value));
            return this;
        }

        /**
         * Sends from another loopback address (127.0.0.2 and up), so the application sees another client: the
         * way tests play an attacker and an account's owner on different machines.
         */
        public Call from(String loopbackAddress) {
            this.localAddress = loopbackAddress;
            return this;
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call json(Object value) {
            return body(value instanceof String s ? s : Api.json(value), "application/json");
        }

        public Call body(String content, String contentType) {
            return body(content.getBytes(StandardCharsets.UTF_8), contentType);
        }

        public Call body(byte[] content, String contentType) {
            header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofByteArray(content);
            bodyBytes = content;
            return this;
        }

        /** A {@code multipart/form-data} body with one file part, the way a browser sends it. */
        public Call file(String part, String filename, String contentType, byte[] content) {
            String boundary = "----salesflow-test-" + System.nanoTime();
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                    + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] multipart = new byte[headBytes.length + content.length + tail.length];
            System.arraycopy(headBytes, 0, multipart, 0, headBytes.length);
            System.arraycopy(content, 0, multipart, headBytes.length, content.length);
            System.arraycopy(tail, 0, multipart, headBytes.length + content.length, tail.length);
            return body(multipart, "multipart/form-data; boundary=" + boundary);
        }

        /** Sends the body in chunks, without a {@code Content-Length}. */
        public Call chunked() {
            HttpRequest.BodyPublisher sized = body;
            body = HttpRequest.BodyPublishers.fromPublisher(sized);
            return this;
        }

        /** Sends a {@code multipart/form-data} body. */
        public Call multipart(Multipart form) {
            return body(form.bytes(), form.contentType());
        }

        /** Sends the request and returns the body as bytes (files, such as an XLSX export), failing on another status. */
        public byte[] download(int status) {
            try {
                HttpResponse<byte[]> response =
                        http.send(builder.method(method, body).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != status) {
                    throw new AssertionError("Expected HTTP " + status + " but got " + response.statusCode() + ": "
                            + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
                }
                return response.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public Response send() {
            if (localAddress != null) {
                return RawHttp.send(localAddress, method, uri, headers, bodyBytes);
            }
            try {
                HttpResponse<byte[]> response =
                        http.send(builder.method(method, body).build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Response(
                        response.statusCode(),
                        response.headers().map(),
                        response.body(),
                        method,
                        response.request().uri());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static final class Response {
        private final int status;
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final byte[] body;
        private final String method;
        private final URI uri;

        Response(int status, Map<String, List<String>> headers, byte[] body, String method, URI uri) {
            this.status = status;
            this.headers.putAll(headers);
            this.body = body;
            this.method = method;
            this.uri = uri;
        }

        public int status() {
            return status;
        }

        public String body() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public byte[] bytes() {
            return body;
        }

        public Optional<String> header(String name) {
            return headers.getOrDefault(name, List.of()).stream().findFirst();
        }

        public List<String> allHeaders(String name) {
            return headers.getOrDefault(name, List.of());
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body(), e);
            }
        }

        /** Fails with the body when the status is not the expected one: the problem detail says why. */
        public Response expect(int status) {
            if (this.status != status) {
                throw new AssertionError("Expected HTTP " + status + " but got " + this.status + " for " + method + " "
                        + uri + ": " + body());
            }
            return this;
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }
    }

    static class Configuration {
        @Bean
        @Lazy
        Api api(Environment environment) {
            return new Api(environment);
        }
    }
}
