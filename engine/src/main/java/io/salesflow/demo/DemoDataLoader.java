package io.salesflow.demo;

import io.salesflow.identity.PlatformOperators;
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
    private final PlatformOperators operators;

    DemoDataLoader(
            DemoData demoData,
            DemoProperties properties,
            ProvisioningLock provisioning,
            Environment environment,
            PlatformOperators operators) {
        this.operators = operators;
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
        banner.append("  API docs: http://localhost:").append(port).append("/swagger-ui.html\n");
        banner.append("  Demo logins, password '").append(properties.password()).append("':\n");
        append(banner, "acme", DemoData.ACME);
        append(banner, "globex", DemoData.GLOBEX);
        operators
                .configured()
                .ifPresent(operator -> banner.append(String.format(
                        "    platform operator %-18s engine API, Cockpit, operations: sign in at http://localhost:%s/platform/%s%n",
                        operator.username(),
                        port,
                        PlatformOperators.DEMO_USERNAME.equals(operator.username())
                                ? ""
                                : " (password as configured)")));
        log.info(banner.toString());
    }

    private static void append(StringBuilder banner, String workspace, List<DemoData.DemoUser> users) {
        for (DemoData.DemoUser u : users) {
            banner.append(String.format("    workspace %-7s %-22s %s%n", workspace, u.email(), u.description()));
        }
    }
}
