package io.salesflow.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on 127.0.0.1 for tests: answers each path with a scripted list of answers (the last one
 * repeats), records every request, dedupes on {@code webhook-id}, and checks Standard Webhooks signatures with its
 * own HMAC, independent of Salesflow's {@code StandardWebhooks}.
 */
final class WebhookReceiver implements AutoCloseable {

    record Answer(int status, Map<String, String> headers, long delayMillis) {
        static Answer of(int status) {
            return new Answer(status, Map.of(), 0);
        }
    }

    record Received(String path, String id, String timestamp, String signature, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> seenIds = ConcurrentHashMap.newKeySet();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void script(String path, Answer... answers) {
        scripts.put(path, new ConcurrentLinkedDeque<>(List.of(answers)));
    }

    List<Received> at(String path) {
        List<Received> at = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path)) {
                at.add(r);
            }
        }
        return at;
    }

    /** Distinct deliveries seen: what a receiver that dedupes on {@code webhook-id} processes. */
    int distinctIds() {
        return seenIds.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        received.add(new Received(
                path,
                id,
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"),
                body));
        if (id != null) {
            seenIds.add(id);
        }
        Deque<Answer> script = scripts.get(path);
        Answer answer = script == null ? Answer.of(404) : script.size() > 1 ? script.poll() : script.peek();
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] reply = ("answer " + answer.status()).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    /** Whether {@code received} carries a v1 signature by {@code secret}, computed here from the specification. */
    static boolean signedBy(Received received, String secret) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((received.id() + "." + received.timestamp() + "." + received.text())
                    .getBytes(StandardCharsets.UTF_8));
            for (String part : received.signature().split(" ")) {
                if (part.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(part.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
