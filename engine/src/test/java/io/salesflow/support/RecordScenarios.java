package io.salesflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Situations every record type's access tests set up and check the same way. */
public final class RecordScenarios {

    private RecordScenarios() {}

    /**
     * Has the acme admin create one record per owner (by their demo user name: rep, rep2, marketing, admin) at
     * {@code collection}; returns the record ids by owner.
     */
    public static Map<String, String> ownedBy(
            Api api, String collection, List<String> owners, Function<String, Map<String, Object>> body) {
        Map<String, String> ids = new HashMap<>();
        for (String owner : owners) {
            String ownerId = api.as("acme", owner + "@acme.test", "GET", "/api/v1/me")
                    .send()
                    .json()
                    .get("id")
                    .asText();
            Map<String, Object> withOwner = new HashMap<>(body.apply(owner));
            withOwner.put("ownerId", ownerId);
            ids.put(
                    owner,
                    api.as("acme", "admin@acme.test", "POST", collection)
                            .json(withOwner)
                            .send()
                            .expect(201)
                            .json()
                            .get("id")
                            .asText());
        }
        return ids;
    }

    /**
     * Checks what {@code caller} (a demo user name) sees of record {@code id}: the record and its history answer
     * {@code status}, and the list {@code listQuery} contains it exactly when that status is 200.
     */
    public static void assertReads(Api api, String caller, String collection, String id, String listQuery, int status) {
        String email = caller + "@acme.test";
        assertThat(api.as("acme", email, "GET", collection + "/" + id).send().status())
                .isEqualTo(status);
        assertThat(api.as("acme", email, "GET", collection + "/" + id + "/history")
                        .send()
                        .status())
                .isEqualTo(status);
        boolean listed = api.as("acme", email, "GET", collection + listQuery)
                .send()
                .expect(200)
                .json()
                .findValuesAsText("id")
                .contains(id);
        assertThat(listed).as("listed iff readable").isEqualTo(status == 200);
    }

    /** globex's admin gets 404 for every operation on an acme record and never sees it listed. */
    public static void assertInvisibleToAnotherTenant(
            Api api, String collection, String id, Map<String, Object> patch) {
        String base = collection + "/" + id;
        assertThat(api.as("globex", "admin@globex.test", "GET", base).send().status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "PATCH", base)
                        .json(patch)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "DELETE", base).send().status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "POST", base + "/restore")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "GET", base + "/history")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "GET", collection + "?limit=200")
                        .send()
                        .expect(200)
                        .json()
                        .findValuesAsText("id"))
                .doesNotContain(id);
    }
}
