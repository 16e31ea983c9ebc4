package io.salesflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What operators and browsers reach: health, the API description and the web app without signing in; metrics and
 * every other actuator endpoint only as the platform operator.
 */
@IntegrationTest
class OperationsEndpointsTest {

    @Autowired
    Api api;

    @Test
    void readinessCoversTheDatabaseAndTheProcessEngine() {
        JsonNode readiness =
                api.get("/actuator/health/readiness").send().expect(200).json();
        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(readiness.get("components").fieldNames())
                .toIterable()
                .contains("db", "processEngine", "readinessState");
    }

    @Test
    void livenessIsUp() {
        assertThat(api.get("/actuator/health/liveness")
                        .send()
                        .expect(200)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreForThePlatformOperator() {
        Api.Response metrics =
                api.asOperator("GET", "/actuator/prometheus").send().expect(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests", "hikaricp_connections");
        for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator")) {
            assertThat(api.get(path).send().status()).as("anonymous " + path).isEqualTo(401);
            assertThat(api.as("acme", "admin@acme.test", "GET", path).send().status())
                    .as("an org admin " + path)
                    .isEqualTo(403);
        }
        api.asOperator("GET", "/actuator/info").send().expect(200);
    }

    @Test
    void theOpenApiDocumentAndSwaggerUiAreServed() {
        JsonNode doc = api.get("/v3/api-docs").send().expect(200).json();
        assertThat(doc.get("paths").fieldNames())
                .toIterable()
                .contains("/api/v1/auth/login", "/api/v1/me", "/api/v1/users");
        assertThat(api.get("/swagger-ui/index.html").send().expect(200).body()).contains("swagger");
    }

    @Test
    void theWebAppIsServedAtTheRoot() {
        Api.Response index = api.get("/").send().expect(200);
        assertThat(index.contentType()).startsWith("text/html");
        assertThat(index.body()).contains("<div id=\"root\">").contains("/assets/");
    }

    @Test
    void otherActuatorEndpointsNeedThePlatformOperatorAndAreNotExposed() {
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump")) {
            assertThat(api.get(path).send().status()).isEqualTo(401);
            assertThat(api.as("acme", "admin@acme.test", "GET", path).send().status())
                    .isEqualTo(403);
            assertThat(api.asOperator("GET", path).send().status()).isEqualTo(404);
        }
    }
}
