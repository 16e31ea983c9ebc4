package io.salesflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class AuditLogTest {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InTenant inTenant;

    @Test
    void aChangeIsAuditedWithWhoWhatBeforeAfterAndWhere() {
        String name = "Audited " + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.as("acme", "admin@acme.test", "POST", "/api/v1/teams")
                .header("User-Agent", "audit-test-agent")
                .header("X-Request-Id", "audit-req-" + name.substring(8))
                .json(Map.of("name", name, "memberIds", List.of()))
                .send()
                .expect(201);
        String teamId = created.json().get("id").asText();
        String adminId = api.as("acme", "admin@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
        api.as("acme", "admin@acme.test", "PUT", "/api/v1/teams/" + teamId)
                .json(Map.of("name", name + " renamed", "memberIds", List.of()))
                .send()
                .expect(200);

        List<Map<String, Object>> rows = inTenant.call(
                "acme",
                () -> jdbc.queryForList(
                        """
                SELECT action, actor_id::text AS actor, actor_type, resource_type, before_state::text AS before,
                       after_state::text AS after, ip_address, user_agent, request_id
                FROM audit_log WHERE resource_id = ? ORDER BY id
                """,
                        teamId));
        assertThat(rows).extracting(r -> r.get("action")).containsExactly("team.created", "team.changed");
        Map<String, Object> creation = rows.get(0);
        assertThat(creation)
                .containsEntry("actor", adminId)
                .containsEntry("actor_type", "USER")
                .containsEntry("resource_type", "team")
                .containsEntry("ip_address", "127.0.0.1")
                .containsEntry("user_agent", "audit-test-agent")
                .containsEntry("request_id", "audit-req-" + name.substring(8));
        assertThat(creation.get("before")).isNull();
        assertThat((String) creation.get("after")).contains(name);
        assertThat((String) rows.get(1).get("before")).contains(name).doesNotContain("renamed");
        assertThat((String) rows.get(1).get("after")).contains("renamed");
    }

    @Test
    void aChangeThatFailsLeavesNoAuditRow() {
        String name = "East";
        api.as("acme", "admin@acme.test", "POST", "/api/v1/teams")
                .json(Map.of("name", name, "memberIds", List.of()))
                .send()
                .expect(409);
        Integer rows = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM audit_log WHERE action = 'team.created' AND after_state->>'name' = 'East'",
                        Integer.class));
        assertThat(rows).as("only the demo loader's creation of East").isEqualTo(1);
    }

    @Test
    void theRuntimeRoleCannotUpdateOrDeleteAuditRows() {
        Throwable update = catchThrowable(
                () -> inTenant.call("acme", () -> jdbc.update("UPDATE audit_log SET action = 'tampered'")));
        Throwable delete = catchThrowable(() -> inTenant.call("acme", () -> jdbc.update("DELETE FROM audit_log")));
        Throwable truncate = catchThrowable(() -> inTenant.call("acme", () -> jdbc.update("TRUNCATE audit_log")));
        assertThat(update).rootCause().hasMessageContaining("permission denied");
        assertThat(delete).rootCause().hasMessageContaining("permission denied");
        assertThat(truncate).rootCause().hasMessageContaining("permission denied");
        Integer untouched = inTenant.call(
                "acme",
                () -> jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'tampered'", Integer.class));
        assertThat(untouched).isZero();
    }

    @Test
    void auditorsReadTheAuditLogAndRepsDoNot() {
        api.as("acme", "auditor@acme.test", "GET", "/api/v1/audit-log?limit=5")
                .send()
                .expect(200);
        api.as("acme", "rep@acme.test", "GET", "/api/v1/audit-log").send().expect(403);
    }
}
