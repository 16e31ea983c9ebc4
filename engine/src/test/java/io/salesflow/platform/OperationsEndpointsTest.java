package io.salesflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What operators and browsers reach without signing in: health, metrics, the API description and the web app. */
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
    void prometheusMetricsAreExposed() {
        Api.Response metrics = api.get("/actuator/prometheus").send().expect(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests", "hikaricp_connections");
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
    void otherActuatorEndpointsNeedASignIn() {
        assertThat(api.get("/actuator/env").send().status()).isIn(401, 404);
        assertThat(api.get("/actuator/beans").send().status()).isIn(401, 404);
    }
}
