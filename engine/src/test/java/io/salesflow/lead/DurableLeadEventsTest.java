package io.salesflow.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salesflow.support.Api;
import io.salesflow.support.DurableEventProbe;
import io.salesflow.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;

/** Domain events are stored with the change, handled after commit, and handled again if handling failed. */
@IntegrationTest
class DurableLeadEventsTest {

    private static final String PROBE = DurableEventProbe.class.getName() + "%";

    @Autowired
    Api api;

    @Autowired
    DurableEventProbe probe;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IncompleteEventPublications incomplete;

    @Test
    void aLeadCreatedEventIsStoredAndCompletedOnceHandled() {
        UUID lead = createLead();
        await().atMost(DurableEventProbe.PATIENCE).until(() -> probe.handled(lead));
        await().atMost(DurableEventProbe.PATIENCE).until(() -> completed(lead));
    }

    @Test
    void aFailedHandlingStaysIncompleteAndIsResubmitted() {
        probe.failing(true);
        UUID lead = createLead();
        await().atMost(DurableEventProbe.PATIENCE).until(() -> publications(lead) == 1);
        assertThat(completed(lead)).isFalse();
        assertThat(probe.handled(lead)).isFalse();

        probe.failing(false);
        incomplete.resubmitIncompletePublications(p -> true);
        await().atMost(DurableEventProbe.PATIENCE).until(() -> probe.handled(lead));
        await().atMost(DurableEventProbe.PATIENCE).until(() -> completed(lead));
    }

    private UUID createLead() {
        return UUID.fromString(api.as("acme", "rep@acme.test", "POST", "/api/v1/leads")
                .json(Map.of("lastName", "Durable", "source", "api"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText());
    }

    /** Publications of the lead's event for the probe (other modules listen to LeadCreated too). */
    private int publications(UUID lead) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND listener_id LIKE ?",
                Integer.class,
                "%" + lead + "%",
                PROBE);
    }

    private boolean completed(UUID lead) {
        Integer done = jdbc.queryForObject(
                "SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND listener_id LIKE ?"
                        + " AND completion_date IS NOT NULL",
                Integer.class,
                "%" + lead + "%",
                PROBE);
        return done != null && done == 1;
    }
}
