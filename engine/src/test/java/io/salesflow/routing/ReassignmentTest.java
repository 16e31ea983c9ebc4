package io.salesflow.routing;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reassigning a lead by hand is a change of the lead, kept with who did it and why. */
@IntegrationTest
class ReassignmentTest {

    @Autowired
    RoutingWorkspaces workspaces;

    @Autowired
    Api api;

    RoutingWorkspace ws;

    @BeforeEach
    void workspace() {
        ws = workspaces.create(2);
        ws.activateCountries("DE");
    }

    @Test
    void aManagerReassignsALeadAndTheHistoryTellsWhoAndWhy() {
        JsonNode lead = ws.leadFrom("marketing", "DE");
        String id = lead.get("id").asText();
        String from = lead.get("ownerId").asText();
        String to = (from.equals(ws.id("rep1").toString()) ? ws.id("rep2") : ws.id("rep1")).toString();

        JsonNode manual = ws.as("manager", "POST", "/api/v1/leads/" + id + "/reassign")
                .json(Map.of("ownerId", to, "reason", "Speaks the customer's dialect"))
                .send()
                .expect(200)
                .json();

        assertThat(manual.get("kind").asText()).isEqualTo("manual");
        JsonNode items = ws.assignments("rep1", id);
        assertThat(items.findValuesAsText("kind")).containsExactly("manual", "automatic");
        JsonNode latest = items.get(0);
        assertThat(latest.get("ownerId").asText()).isEqualTo(to);
        assertThat(latest.get("previousOwnerId").asText()).isEqualTo(from);
        assertThat(latest.get("assignedBy").asText()).isEqualTo(ws.id("manager").toString());
        assertThat(latest.get("why").asText()).isEqualTo("Speaks the customer's dialect");
        assertThat(latest.get("reason").asText()).contains("manager");
        JsonNode read = ws.as("manager", "GET", "/api/v1/leads/" + id)
                .send()
                .expect(200)
                .json();
        assertThat(read.get("ownerId").asText()).isEqualTo(to);
        JsonNode history = ws.as("manager", "GET", "/api/v1/leads/" + id + "/history")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(history.toString()).contains(from, to);
    }

    @Test
    void aReassignmentNeedsAReasonAnOwnerAndWriteAccess() {
        JsonNode lead = ws.leadFrom("marketing", "DE");
        String id = lead.get("id").asText();
        String owner = lead.get("ownerId").asText();
        String other = (owner.equals(ws.id("rep1").toString()) ? "rep2" : "rep1");
        String path = "/api/v1/leads/" + id + "/reassign";

        assertField(
                ws.as("manager", "POST", path)
                        .json(Map.of("ownerId", ws.id(other).toString()))
                        .send(),
                "reason");
        assertField(
                ws.as("manager", "POST", path)
                        .json(Map.of("ownerId", ws.id(other).toString(), "reason", " "))
                        .send(),
                "reason");
        assertField(ws.as("manager", "POST", path).json(Map.of("reason", "x")).send(), "ownerId");
        assertField(
                ws.as("manager", "POST", path)
                        .json(Map.of("ownerId", owner, "reason", "x"))
                        .send(),
                "ownerId");
        assertThat(ws.as(other, "POST", path)
                        .json(Map.of("ownerId", ws.id(other).toString(), "reason", "Mine now"))
                        .send()
                        .status())
                .as("a rep reads the team's leads but changes only their own")
                .isEqualTo(403);
        assertThat(ws.assignments("admin", id)).hasSize(1);

        assertThat(api.as("globex", "admin@globex.test", "POST", path)
                        .json(Map.of("ownerId", owner, "reason", "x"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/leads/" + id + "/assignments")
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void editingTheOwnerIsAnAssignmentByTheEditorWithoutAWhy() {
        JsonNode lead = ws.leadFrom("marketing", "DE");
        String id = lead.get("id").asText();
        String from = lead.get("ownerId").asText();
        String to = (from.equals(ws.id("rep1").toString()) ? ws.id("rep2") : ws.id("rep1")).toString();

        ws.as("manager", "PATCH", "/api/v1/leads/" + id)
                .json(Map.of("ownerId", to))
                .send()
                .expect(200);
        ws.as("manager", "PATCH", "/api/v1/leads/" + id)
                .json(Map.of("company", "Renamed " + id))
                .send()
                .expect(200);

        JsonNode items = ws.assignments("manager", id);
        assertThat(items.findValuesAsText("kind"))
                .as("a change of other fields is no assignment")
                .containsExactly("manual", "automatic");
        JsonNode edit = items.get(0);
        assertThat(edit.get("ownerId").asText()).isEqualTo(to);
        assertThat(edit.get("previousOwnerId").asText()).isEqualTo(from);
        assertThat(edit.get("assignedBy").asText()).isEqualTo(ws.id("manager").toString());
        assertThat(edit.get("why").isNull()).isTrue();
        assertThat(edit.get("reason").asText()).startsWith("edited by");
    }

    @Test
    void mergingInAnotherOwnersLeadAndKeepingItsOwnerIsAnAssignmentNamingTheMerge() {
        JsonNode survivor = ws.leadFrom("marketing", "DE");
        JsonNode merged = ws.leadFrom("marketing", "DE");
        String survivorId = survivor.get("id").asText();
        String mergedId = merged.get("id").asText();
        assertThat(merged.get("ownerId").asText())
                .as("round robin over two reps")
                .isNotEqualTo(survivor.get("ownerId").asText());

        ws.as("manager", "POST", "/api/v1/leads/merge")
                .json(Map.of(
                        "survivorId",
                        survivorId,
                        "mergedIds",
                        java.util.List.of(mergedId),
                        "fields",
                        Map.of("ownerId", mergedId)))
                .send()
                .expect(200);

        JsonNode latest = ws.assignments("manager", survivorId).get(0);
        assertThat(latest.get("kind").asText()).isEqualTo("manual");
        assertThat(latest.get("ownerId").asText())
                .isEqualTo(merged.get("ownerId").asText());
        assertThat(latest.get("previousOwnerId").asText())
                .isEqualTo(survivor.get("ownerId").asText());
        assertThat(latest.get("assignedBy").asText()).isEqualTo(ws.id("manager").toString());
        assertThat(latest.get("why").asText()).isEqualTo("merged with lead " + mergedId);
    }
}
