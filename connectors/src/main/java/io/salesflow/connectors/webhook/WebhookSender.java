package io.salesflow.connectors.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts webhook calls with Apache HttpClient 5, guarded against server-side request forgery: the target host is
 * resolved and checked by the {@link WebhookAddressGuard} right before the call and the connection goes to that
 * checked address (the name stays for TLS and the {@code Host} header), redirects are never followed (a 3xx is an
 * answer like any other), no proxy from the environment is used, and the whole call is cut off after the timeout.
 */
public class WebhookSender implements AutoCloseable {

    /** How much of a response body is kept for the delivery log. */
    public static final int SNIPPET_BYTES = 2048;

    private final WebhookAddressGuard guard;
    private final Duration timeout;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;

    public WebhookSender(WebhookAddressGuard guard, Duration timeout) {
        this.guard = guard;
        this.timeout = timeout;
        Timeout limit = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PinnedDnsResolver(guard))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
                                .build())
                        .setMaxConnTotal(50)
                        .setMaxConnPerRoute(5)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(limit)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Salesflow-Webhooks/1")
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    public WebhookAnswer send(WebhookCall call) {
        long started = System.nanoTime();
        URI url = call.url();
        InetAddress address;
        try {
            List<InetAddress> addresses = guard.checkUrl(url);
            address = addresses.get(0);
        } catch (WebhookAddressGuard.RefusedAddress e) {
            return new WebhookAnswer(0, null, null, millisSince(started), "refused: the URL " + e.getMessage());
        }
        String scheme = url.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        HttpHost target = new HttpHost(scheme, address, url.getHost(), port);
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty()) ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path = path + "?" + url.getRawQuery();
        }
        HttpPost post = new HttpPost(path);
        for (Map.Entry<String, String> header : call.headers().entrySet()) {
            post.setHeader(header.getKey(), header.getValue());
        }
        post.setEntity(new ByteArrayEntity(call.body(), ContentType.APPLICATION_JSON));
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(target, post, null)) {
            Header retryAfter = response.getFirstHeader("Retry-After");
            String body = snippet(response.getEntity());
            return new WebhookAnswer(
                    response.getCode(),
                    retryAfter == null ? null : retryAfter.getValue(),
                    body,
                    millisSince(started),
                    null);
        } catch (IOException | RuntimeException e) {
            String reason = post.isCancelled() ? "timed out after " + timeout.toMillis() + " ms" : describe(e);
            return new WebhookAnswer(0, null, null, millisSince(started), reason);
        } finally {
            deadline.cancel(false);
        }
    }

    private static String snippet(HttpEntity entity) throws IOException {
        if (entity == null) {
            return null;
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(SNIPPET_BYTES);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static long millisSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
