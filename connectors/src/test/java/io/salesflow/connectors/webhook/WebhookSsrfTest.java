package io.salesflow.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Server-side request forgery: a listener on loopback stands for the installation's own services, and no form of
 * its address may reach it; the private, link-local and reserved ranges are refused before any connection.
 */
class WebhookSsrfTest {

    private HttpServer loopback;
    private HttpServer otherLoopback;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger otherHits = new AtomicInteger();
    private int port;

    @BeforeEach
    void listen() throws IOException {
        loopback = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        loopback.createContext("/", exchange -> {
            hits.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/redirect-metadata")) {
                exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                exchange.sendResponseHeaders(302, -1);
            } else if (path.startsWith("/redirect-other")) {
                exchange.getResponseHeaders()
                        .add(
                                "Location",
                                "http://127.0.0.2:" + otherLoopback.getAddress().getPort() + "/");
                exchange.sendResponseHeaders(307, -1);
            } else if (path.startsWith("/slow")) {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
            } else {
                byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        loopback.start();
        port = loopback.getAddress().getPort();
        otherLoopback = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        otherLoopback.createContext("/", exchange -> {
            otherHits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        otherLoopback.start();
    }

    @AfterEach
    void stop() {
        loopback.stop(0);
        otherLoopback.stop(0);
    }

    private static WebhookAnswer post(WebhookSender sender, String url) {
        return sender.send(new WebhookCall(URI.create(url), Map.of("webhook-id", "msg_1"), "{}".getBytes()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:%d/",
                "https://127.0.0.1:%d/",
                "http://localhost:%d/",
                "http://2130706433:%d/",
                "http://017700000001:%d/",
                "http://0x7f000001:%d/",
                "http://0x7f.1:%d/",
                "http://0177.0.0.1:%d/",
                "http://127.1:%d/",
                "http://127.0.0.1.:%d/",
                "http://[::ffff:127.0.0.1]:%d/",
                "http://[::ffff:7f00:1]:%d/",
                "http://[::127.0.0.1]:%d/",
                "http://[::1]:%d/",
                "http://0.0.0.0:%d/",
                "http://[::]:%d/"
            })
    void noFormOfTheLoopbackAddressReachesTheListener(String template) {
        try (WebhookSender sender = new WebhookSender(new WebhookAddressGuard(List.of()), Duration.ofSeconds(2))) {
            WebhookAnswer answer = post(sender, template.formatted(port));
            assertThat(answer.status()).isZero();
            assertThat(answer.error()).startsWith("refused");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(hits).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://10.0.0.1/",
                "https://10.255.255.255/",
                "https://172.16.0.1/",
                "https://172.31.255.254/",
                "https://192.168.1.1/",
                "https://169.254.169.254/latest/meta-data/",
                "https://[fe80::1]/",
                "https://[fd00:ec2::254]/",
                "https://[fc00::1]/",
                "https://100.64.0.1/",
                "https://100.127.255.254/",
                "https://224.0.0.1/",
                "https://[ff02::1]/",
                "https://255.255.255.255/",
                "https://240.0.0.1/",
                "https://[::ffff:169.254.169.254]/",
                "https://[::ffff:10.0.0.1]/",
                "https://[64:ff9b::a9fe:a9fe]/",
                "https://[2002:a9fe:a9fe::1]/",
                "https://2852039166/"
            })
    void privateLinkLocalUniqueLocalAndReservedRangesAreRefused(String url) {
        WebhookAddressGuard guard = new WebhookAddressGuard(List.of());
        assertThatThrownBy(() -> guard.checkUrl(URI.create(url)))
                .isInstanceOf(WebhookAddressGuard.RefusedAddress.class)
                .hasMessageContaining("resolves to");
    }

    @Test
    void publicAddressesPassAndHttpNeedsTheAllowlist() {
        WebhookAddressGuard guard = new WebhookAddressGuard(List.of());
        assertThat(guard.checkUrl(URI.create("https://93.184.216.34/hooks")))
                .extracting(InetAddress::getHostAddress)
                .containsExactly("93.184.216.34");
        assertThatThrownBy(() -> guard.checkUrl(URI.create("http://93.184.216.34/hooks")))
                .hasMessageContaining("must use https");
        assertThatThrownBy(() -> guard.checkUrl(URI.create("https://user:pw@93.184.216.34/")))
                .hasMessageContaining("user name");
        assertThatThrownBy(() -> guard.checkUrl(URI.create("ftp://93.184.216.34/")))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> guard.checkUrl(URI.create("/relative"))).hasMessageContaining("absolute");
    }

    @Test
    void anAllowlistedNetworkIsReachable() throws IOException {
        try (WebhookSender sender =
                new WebhookSender(new WebhookAddressGuard(List.of("127.0.0.1/32")), Duration.ofSeconds(2))) {
            WebhookAnswer answer = post(sender, "http://127.0.0.1:" + port + "/hook");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("ok");
        }
        assertThat(hits).hasValue(1);
        assertThat(new WebhookAddressGuard(List.of("10.20.0.0/16")).mayCall(InetAddress.getByName("10.20.3.4")))
                .isTrue();
        assertThat(new WebhookAddressGuard(List.of("10.20.0.0/16")).mayCall(InetAddress.getByName("10.21.3.4")))
                .isFalse();
    }

    @Test
    void redirectsAreNeverFollowedNotEvenFromAnAllowedReceiver() throws IOException {
        try (WebhookSender sender =
                new WebhookSender(new WebhookAddressGuard(List.of("127.0.0.1/32")), Duration.ofSeconds(2))) {
            WebhookAnswer toMetadata = post(sender, "http://127.0.0.1:" + port + "/redirect-metadata");
            assertThat(toMetadata.status()).isEqualTo(302);
            assertThat(toMetadata.successful()).isFalse();
            WebhookAnswer toOther = post(sender, "http://127.0.0.1:" + port + "/redirect-other");
            assertThat(toOther.status()).isEqualTo(307);
        }
        assertThat(hits).hasValue(2);
        assertThat(otherHits).hasValue(0);
    }

    @Test
    void aSlowReceiverIsCutOffAtTheTimeout() throws IOException {
        try (WebhookSender sender =
                new WebhookSender(new WebhookAddressGuard(List.of("127.0.0.1/32")), Duration.ofMillis(300))) {
            WebhookAnswer answer = post(sender, "http://127.0.0.1:" + port + "/slow");
            assertThat(answer.status()).isZero();
            assertThat(answer.error()).containsIgnoringCase("timed out");
        }
    }

    @Test
    void thePinnedResolverChecksEveryNameTheClientAsksFor() {
        PinnedDnsResolver resolver = new PinnedDnsResolver(new WebhookAddressGuard(List.of()));
        assertThatThrownBy(() -> resolver.resolve("localhost"))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageStartingWith("refused");
        assertThatThrownBy(() -> resolver.resolve("169.254.169.254")).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void numericHostsAreReadAsResolversReadThem() {
        assertThat(WebhookAddressGuard.numericIpv4("2130706433").getHostAddress())
                .isEqualTo("127.0.0.1");
        assertThat(WebhookAddressGuard.numericIpv4("0x7f.0.0.1").getHostAddress())
                .isEqualTo("127.0.0.1");
        assertThat(WebhookAddressGuard.numericIpv4("0177.0.0.01").getHostAddress())
                .isEqualTo("127.0.0.1");
        assertThat(WebhookAddressGuard.numericIpv4("10.1").getHostAddress()).isEqualTo("10.0.0.1");
        assertThat(WebhookAddressGuard.numericIpv4("example.com")).isNull();
    }
}
