package io.salesflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.RawHttp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.embedded.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Tomcat configured the way Spring Boot configures it from our application.yml, serving a page that echoes the
 * client address and scheme it sees; requests come from chosen loopback addresses. No Spring context: this is
 * the web server's forwarded-header handling alone, with our settings.
 */
class TrustedProxyTest {

    @Test
    void byDefaultForwardedHeadersAreTakenFromNobodyNotEvenLoopbackOrPrivateAddresses() throws Exception {
        WebServer server = start(Map.of());
        try {
            assertThat(echo(server, "127.0.0.1", "203.0.113.9")).isEqualTo("127.0.0.1 http");
            assertThat(echo(server, "127.0.0.2", "10.1.2.3")).isEqualTo("127.0.0.2 http");
        } finally {
            server.stop();
        }
    }

    @Test
    void aConfiguredProxysForwardedHeadersAreHonouredAndNoOneElses() throws Exception {
        WebServer server = start(Map.of("server.tomcat.remoteip.internal-proxies", "127\\.0\\.0\\.2"));
        try {
            assertThat(echo(server, "127.0.0.2", "203.0.113.9")).isEqualTo("203.0.113.9 https");
            assertThat(echo(server, "127.0.0.2", "198.51.100.1, 203.0.113.9"))
                    .as("what a client wrote into the header itself stays left of the address the proxy saw")
                    .isEqualTo("203.0.113.9 https");
            assertThat(echo(server, "127.0.0.3", "203.0.113.9")).isEqualTo("127.0.0.3 http");
        } finally {
            server.stop();
        }
    }

    private static WebServer start(Map<String, Object> overrides) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", overrides));
        environment
                .getPropertySources()
                .addLast(new YamlPropertySourceLoader()
                        .load("application.yml", new ClassPathResource("application.yml"))
                        .get(0));
        ServerProperties properties =
                Binder.get(environment).bindOrCreate("server", Bindable.of(ServerProperties.class));
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new TomcatWebServerFactoryCustomizer(environment, properties).customize(factory);
        WebServer server = factory.getWebServer(
                context -> context.addServlet("echo", new Echo()).addMapping("/"));
        server.start();
        return server;
    }

    private static String echo(WebServer server, String from, String forwardedFor) {
        return RawHttp.send(
                        from,
                        "GET",
                        URI.create("http://127.0.0.1:" + server.getPort() + "/"),
                        List.of(Map.entry("X-Forwarded-For", forwardedFor), Map.entry("X-Forwarded-Proto", "https")),
                        new byte[0])
                .expect(200)
                .body();
    }

    private static final class Echo extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write(request.getRemoteAddr() + " " + request.getScheme());
        }
    }
}
