package io.salesflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/** A plain HTTP client for the running application: tests see exactly what a real client sees. */
public class Api {

    public static final String DEMO_PASSWORD = "Salesflow-demo-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final Environment environment;
    private final Map<String, String> tokenCache = new LinkedHashMap<>();

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
        return tokenCache.computeIfAbsent(tenant + "/" + email, k -> login(tenant, email, DEMO_PASSWORD)
                .expect(200)
                .json()
                .get("accessToken")
                .asText());
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
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        Call(String method, String path) {
            this.method = method;
            this.builder = HttpRequest.newBuilder(URI.create(base() + path));
        }

        public Call header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call json(Object value) {
            return body(value instanceof String s ? s : Api.json(value), "application/json");
        }

        public Call body(String content, String contentType) {
            header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofString(content);
            return this;
        }

        public Call body(byte[] content, String contentType) {
            header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofByteArray(content);
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
            try {
                HttpResponse<String> response =
                        http.send(builder.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static final class Response {
        private final HttpResponse<String> response;

        Response(HttpResponse<String> response) {
            this.response = response;
        }

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + response.body(), e);
            }
        }

        /** Fails with the body when the status is not the expected one: the problem detail says why. */
        public Response expect(int status) {
            if (response.statusCode() != status) {
                throw new AssertionError("Expected HTTP " + status + " but got " + response.statusCode() + " for "
                        + response.request().method() + " " + response.request().uri() + ": " + response.body());
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
