package io.salesflow.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A local HTTP peer standing in for Twilio's REST API: one per test JVM, started before the application so that
 * {@code salesflow.twilio.api-base-url} points the real Twilio SDK at it. Tests stub Twilio's documented answers
 * on {@link #server()} and read what it received.
 */
public final class TwilioPeer {

    private static WireMockServer server;

    private TwilioPeer() {}

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(
                    WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    /** Registered in META-INF/spring.factories: every test application talks to this peer, never to Twilio. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "twilio-peer", Map.of("salesflow.twilio.api-base-url", server().baseUrl())));
        }
    }
}
