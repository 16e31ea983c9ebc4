package io.salesflow.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The scheduled job marks pending activities past their due time overdue, as Salesflow's own recorded change. */
@IntegrationTest
class OverdueActivitiesTest {

    private static final String REP = "rep@acme.test";

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OverdueActivities overdue;

    @Test
    void pendingActivitiesWhoseDueTimeHasPassedBecomeOverdueAndPendingAgainWhenMovedOn() {
        String task = create(Map.of("type", "task", "subject", "Will slip", "dueAt", "2099-01-01T00:00:00Z"));
        String done = create(Map.of(
                "type", "task", "subject", "Done in time", "dueAt", "2099-01-01T00:00:00Z", "status", "completed"));
        String undated = create(Map.of("type", "task", "subject", "No due date"));
        for (String id : new String[] {task, done}) {
            inTenant.run(
                    "acme",
                    () -> jdbc.update(
                            "UPDATE activities SET due_at = now() - interval '1 hour' WHERE id = ?::uuid", id));
        }

        overdue.markOverdue();

        Api.Response slipped =
                api.as("acme", REP, "GET", "/api/v1/activities/" + task).send().expect(200);
        assertThat(slipped.json().get("status").asText()).isEqualTo("overdue");
        assertThat(slipped.header("ETag")).contains("\"1\"");
        JsonNode change = api.as("acme", REP, "GET", "/api/v1/activities/" + task + "/history")
                .send()
                .expect(200)
                .json()
                .get("items")
                .get(0);
        assertThat(change.get("field").asText()).isEqualTo("status");
        assertThat(change.get("before").asText()).isEqualTo("pending");
        assertThat(change.get("after").asText()).isEqualTo("overdue");
        assertThat(change.get("actorType").asText()).isEqualTo("SYSTEM");
        assertThat(inTenant.call(
                        "acme",
                        () -> jdbc.queryForObject(
                                "SELECT count(*) FROM audit_log WHERE action = 'activity.overdue' AND resource_id = ?",
                                Integer.class,
                                task)))
                .isEqualTo(1);
        assertThat(status(done)).isEqualTo("completed");
        assertThat(status(undated)).isEqualTo("pending");

        api.as("acme", REP, "PATCH", "/api/v1/activities/" + task)
                .json(Map.of("dueAt", "2099-02-01T00:00:00Z"))
                .send()
                .expect(200);
        assertThat(status(task)).isEqualTo("pending");
        overdue.markOverdue();
        assertThat(status(task)).isEqualTo("pending");
    }

    private String status(String id) {
        return api.as("acme", REP, "GET", "/api/v1/activities/" + id)
                .send()
                .expect(200)
                .json()
                .get("status")
                .asText();
    }

    private String create(Map<String, Object> body) {
        return api.as("acme", REP, "POST", "/api/v1/activities")
                .json(body)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }
}
