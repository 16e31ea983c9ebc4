package io.salesflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoggingTest {

    @Autowired
    Api api;

    @Test
    void logLinesOfARequestCarryItsRequestId(CapturedOutput output) {
        api.post("/api/v1/auth/login")
                .header("X-Request-Id", "log-check-4711")
                .json(Map.of("tenant", "acme", "email", "rep@acme.test", "password", "wrong-password"))
                .send()
                .expect(401);
        assertThat(output.getOut().lines().filter(l -> l.contains("LOGIN_FAILED")))
                .anySatisfy(line -> assertThat(line).contains("[log-check-4711]"));
    }

    @Test
    void theJsonLogsProfileSwitchesTheConsoleToStructuredJson() throws Exception {
        List<PropertySource<?>> documents =
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        assertThat(documents).anySatisfy(d -> {
            assertThat(d.getProperty("spring.config.activate.on-profile")).isEqualTo("json-logs");
            assertThat(d.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        });
    }
}
