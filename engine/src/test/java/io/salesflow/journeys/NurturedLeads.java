package io.salesflow.journeys;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Leads that lead nurture puts work on: a warm lead of a rep, and the touch task nurture gives its owner. */
final class NurturedLeads {

    private NurturedLeads() {}

    /** A warm lead (a referral from a CEO at a mid-sized company) owned by {@code rep}. */
    static String warmLeadOwnedBy(Api api, String rep, String firstName) {
        Map<String, Object> lead = new HashMap<>();
        lead.put("firstName", firstName);
        lead.put("lastName", "Warm");
        lead.put("company", "Initech");
        lead.put("title", "CEO");
        lead.put("email", firstName.toLowerCase() + "@initech.com");
        lead.put("country", "DE");
        lead.put("companySize", "51-200");
        lead.put("source", "referral");
        lead.put("ownerId", userId(api, rep));
        return api.as("acme", rep, "POST", "/api/v1/leads")
                .json(lead)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    /** The touch task nurture gives the lead's owner, once it is there. */
    static String touchTask(Api api, String rep, String leadId) {
        JsonNode task = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            for (JsonNode t : api.as(
                                            "acme", rep, "GET", "/api/v1/tasks?recordType=lead&recordId=" + leadId)
                                    .send()
                                    .expect(200)
                                    .json()
                                    .get("items")) {
                                if (t.get("activityId").asText().equals("UserTask_Touch")) {
                                    return t;
                                }
                            }
                            return null;
                        },
                        t -> t != null);
        return task.get("id").asText();
    }

    static String userId(Api api, String email) {
        for (JsonNode user : api.as("acme", "admin@acme.test", "GET", "/api/v1/users?limit=200")
                .send()
                .expect(200)
                .json()
                .get("items")) {
            if (user.get("email").asText().equals(email)) {
                return user.get("id").asText();
            }
        }
        throw new AssertionError("no user " + email);
    }
}
