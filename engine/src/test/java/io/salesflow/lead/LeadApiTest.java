package io.salesflow.lead;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.PublishedEvents;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class LeadApiTest {

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PublishedEvents events;

    @Test
    void aRepCapturesALeadThatStartsNewAndAnnouncesItself() {
        JsonNode lead = create(
                        "rep@acme.test",
                        Map.of(
                                "firstName",
                                "Jane",
                                "lastName",
                                "Doe",
                                "company",
                                "Hooli",
                                "email",
                                "Jane.Doe@Hooli.com",
                                "source",
                                "web_form",
                                "country",
                                "US",
                                "language",
                                "en-US",
                                "companySize",
                                "201-500"))
                .expect(201)
                .json();
        assertThat(lead.get("status").asText()).isEqualTo("new");
        assertThat(lead.get("email").asText()).isEqualTo("jane.doe@hooli.com");
        assertThat(lead.get("score").asInt())
                .as("business email 10, size 15, US 10, web form 5")
                .isEqualTo(40);
        assertThat(lead.get("scoreBand").asText()).isEqualTo("warm");
        UUID id = UUID.fromString(lead.get("id").asText());
        assertThat(events.of(LeadCreated.class)).anySatisfy(e -> {
            assertThat(e.leadId()).isEqualTo(id);
            assertThat(e.source()).isEqualTo("web_form");
        });
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        int before = count();
        assertField(create("rep@acme.test", Map.of("lastName", "X")), "source");
        assertField(create("rep@acme.test", Map.of("lastName", "X", "source", "carrier_pigeon")), "source");
        assertField(create("rep@acme.test", Map.of("lastName", "X", "source", "api", "email", "jane@")), "email");
        assertField(create("rep@acme.test", Map.of("source", "api", "title", "CEO")), "lastName");
        assertField(create("rep@acme.test", Map.of("lastName", "X", "source", "api", "score", 99)), "score");
        assertField(create("rep@acme.test", Map.of("lastName", "X", "source", "api", "country", "Germany")), "country");
        assertField(create("rep@acme.test", Map.of("lastName", "X", "source", "api", "status", "qualified")), "status");
        assertField(
                create("rep@acme.test", Map.of("lastName", "X", "source", "api", "language", "klingon!")), "language");
        assertField(create("rep@acme.test", Map.of("lastName", "X", "source", "api", "phone", "call me")), "phone");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void statusMovesOnlyInItsOrderAndAnUnqualifiedLeadCanBeQualifiedAgain() {
        String id = create("rep@acme.test", Map.of("lastName", "Flow", "source", "event"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        Api.Response skip = patch(id, Map.of("status", "qualified"));
        assertField(skip, "status");
        assertThat(skip.json().get("errors").get(0).get("message").asText()).contains("[contacted]");

        patch(id, Map.of("status", "contacted")).expect(200);
        assertField(patch(id, Map.of("status", "unqualified")), "unqualifiedReason");
        JsonNode unqualified = patch(id, Map.of("status", "unqualified", "unqualifiedReason", "No budget this year"))
                .expect(200)
                .json();
        assertThat(unqualified.get("unqualifiedReason").asText()).isEqualTo("No budget this year");
        JsonNode requalified =
                patch(id, Map.of("status", "qualified")).expect(200).json();
        assertThat(requalified.get("status").asText()).isEqualTo("qualified");
        assertThat(requalified.get("unqualifiedReason").isNull()).isTrue();
        assertField(patch(id, Map.of("status", "converted")), "status");
        assertField(patch(id, Map.of("status", "new")), "status");

        assertThat(events.of(LeadStatusChanged.class)
                        .filter(e -> e.leadId().toString().equals(id)))
                .extracting(e -> e.from() + ">" + e.to())
                .containsExactly("new>contacted", "contacted>unqualified", "unqualified>qualified");
        JsonNode history = api.as("acme", "rep@acme.test", "GET", "/api/v1/leads/" + id + "/history")
                .send()
                .json();
        assertThat(history.get("items").findValuesAsText("field")).contains("status", "unqualifiedReason");
    }

    @Test
    void listsFilterByStatusAndSourceAndSortByName() {
        String tag = "l" + UUID.randomUUID().toString().substring(0, 6);
        for (String name : List.of("Zeta", "Alpha", "Mu")) {
            Map<String, Object> body =
                    new HashMap<>(Map.of("lastName", name, "source", "referral", "tags", List.of(tag)));
            create("marketing@acme.test", body).expect(201);
        }
        JsonNode page = api.as(
                        "acme",
                        "marketing@acme.test",
                        "GET",
                        "/api/v1/leads?tags[has]=" + tag + "&status=new&source=referral&sort=lastName")
                .send()
                .expect(200)
                .json();
        assertThat(page.get("items").findValuesAsText("lastName")).containsExactly("Alpha", "Mu", "Zeta");
    }

    @Test
    void accessFollowsTheRolesScopesAndOtherTenantsSeeNothing() {
        String marketingLead = create("marketing@acme.test", Map.of("company", "Marketing Co", "source", "social"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/leads/" + marketingLead)
                        .send()
                        .status())
                .as("a rep does not see a lead outside their team")
                .isEqualTo(404);
        assertThat(api.as("acme", "marketing@acme.test", "PATCH", "/api/v1/leads/" + marketingLead)
                        .json(Map.of("status", "contacted"))
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.as("acme", "finance@acme.test", "GET", "/api/v1/leads")
                        .send()
                        .status())
                .as("finance holds no lead permission")
                .isEqualTo(403);
        assertThat(api.as("acme", "auditor@acme.test", "POST", "/api/v1/leads")
                        .json(Map.of("company", "Audit", "source", "api"))
                        .send()
                        .status())
                .isEqualTo(403);
        for (String method : List.of("GET", "DELETE")) {
            assertThat(api.as("globex", "admin@globex.test", method, "/api/v1/leads/" + marketingLead)
                            .send()
                            .status())
                    .isEqualTo(404);
        }
        assertThat(api.as("globex", "admin@globex.test", "PATCH", "/api/v1/leads/" + marketingLead)
                        .json(Map.of("status", "contacted"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "POST", "/api/v1/leads/" + marketingLead + "/restore")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/leads/" + marketingLead + "/history")
                        .send()
                        .status())
                .isEqualTo(404);
    }

    private Api.Response create(String email, Map<String, Object> body) {
        return api.as("acme", email, "POST", "/api/v1/leads").json(body).send();
    }

    private Api.Response patch(String id, Map<String, Object> body) {
        return api.as("acme", "rep@acme.test", "PATCH", "/api/v1/leads/" + id)
                .json(body)
                .send();
    }

    private int count() {
        return inTenant.call("acme", () -> jdbc.queryForObject("SELECT count(*) FROM leads", Integer.class));
    }
}
