package io.salesflow.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salesflow.lead.LeadCreated;
import io.salesflow.support.Api;
import io.salesflow.support.DurableEventProbe;
import io.salesflow.support.IntegrationTest;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The platform operator sees incomplete event publications, per listener with the last error, in
 * {@code /actuator/eventpublications} and in the metrics, while a failing listener is retried.
 */
@IntegrationTest
class EventPublicationsEndpointTest {

    private static final String PROBE = DurableEventProbe.class.getName() + ".on(" + LeadCreated.class.getName() + ")";

    @Autowired
    EventPublicationsEndpoint endpoint;

    @Autowired
    DurableEventProbe probe;

    @Autowired
    Api api;

    @Test
    void aListenerThatKeepsFailingShowsWithItsLastErrorUntilARetrySucceeds() {
        UUID lead;
        probe.failFirstRuns(Integer.MAX_VALUE);
        try {
            lead = createLead();
            await().atMost(DurableEventProbe.PATIENCE).until(() -> probe.runs(lead) >= 1);
        } finally {
            probe.failFirstRuns(0);
        }
        try {
            EventPublicationsEndpoint.Report report = await().atMost(DurableEventProbe.PATIENCE)
                    .until(
                            endpoint::report,
                            r -> probeBacklog(r).filter(l -> l.attempts() >= 2).isPresent());
            PublicationFailureStore.ListenerBacklog backlog =
                    probeBacklog(report).orElseThrow();
            assertThat(backlog.incomplete()).isPositive();
            assertThat(backlog.failing()).isPositive();
            assertThat(backlog.oldest()).isNotNull();
            assertThat(backlog.lastFailedAt()).isNotNull();
            assertThat(backlog.nextRetryAt()).isAfterOrEqualTo(backlog.lastFailedAt());
            assertThat(backlog.lastError())
                    .startsWith(IllegalStateException.class.getName())
                    .contains("Probe failing on purpose for lead " + lead);
            assertThat(report.incomplete()).isGreaterThanOrEqualTo(backlog.incomplete());
            assertThat(report.oldestAgeSeconds()).isNotNull().isNotNegative();

            String metrics = api.asOperator("GET", "/actuator/prometheus")
                    .send()
                    .expect(200)
                    .body();
            assertThat(metrics)
                    .contains("salesflow_events_incomplete ")
                    .contains("salesflow_events_incomplete_oldest_age_seconds ")
                    .contains("salesflow_events_failures_total{listener=\"" + PROBE + "\"}");
        } finally {
            probe.letSucceed(lead);
        }
        await().atMost(DurableEventProbe.PATIENCE).until(() -> probe.handled(lead));
    }

    /** The backlog says what a workspace's events hold, across workspaces: only the platform operator reads it. */
    @Test
    void onlyThePlatformOperatorReadsTheEndpoint() {
        assertThat(api.get("/actuator/eventpublications").send().status()).isEqualTo(401);
        assertThat(api.as("acme", "admin@acme.test", "GET", "/actuator/eventpublications")
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.asOperator("GET", "/actuator/eventpublications")
                        .send()
                        .expect(200)
                        .json()
                        .has("incomplete"))
                .isTrue();
    }

    private static Optional<PublicationFailureStore.ListenerBacklog> probeBacklog(
            EventPublicationsEndpoint.Report report) {
        return report.listeners().stream()
                .filter(l -> l.listener().equals(PROBE))
                .findFirst();
    }

    private UUID createLead() {
        return UUID.fromString(api.as("acme", "rep@acme.test", "POST", "/api/v1/leads")
                .json(Map.of("lastName", "Failing", "source", "api"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText());
    }
}
