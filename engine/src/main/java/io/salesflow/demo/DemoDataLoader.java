package io.salesflow.demo;

import io.salesflow.platform.database.ProvisioningLock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Loads the demo data at start and prints where Salesflow runs and how to sign in. */
@Component
@ConditionalOnProperty(name = "salesflow.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoData demoData;
    private final DemoProperties properties;
    private final ProvisioningLock provisioning;
    private final Environment environment;

    DemoDataLoader(
            DemoData demoData, DemoProperties properties, ProvisioningLock provisioning, Environment environment) {
        this.demoData = demoData;
        this.properties = properties;
        this.provisioning = provisioning;
        this.environment = environment;
    }

    /** One replica at a time: the next one finds the data there (every step looks before it creates). */
    @Override
    public void run(ApplicationArguments args) {
        provisioning.run(() -> demoData.load(properties.password()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void printLogins() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        StringBuilder banner = new StringBuilder("\n\n  Salesflow is running at http://localhost:" + port + "/\n");
        banner.append("  API docs: http://localhost:")
                .append(port)
                .append("/swagger-ui.html")
                .append("   Cockpit (ops): http://localhost:")
                .append(port)
                .append("/camunda/app/cockpit/\n");
        banner.append("  Demo logins, password '").append(properties.password()).append("':\n");
        append(banner, "acme", DemoData.ACME);
        append(banner, "globex", DemoData.GLOBEX);
        log.info(banner.toString());
    }

    private static void append(StringBuilder banner, String workspace, List<DemoData.DemoUser> users) {
        for (DemoData.DemoUser u : users) {
            banner.append(String.format("    workspace %-7s %-22s %s%n", workspace, u.email(), u.description()));
        }
    }
}
