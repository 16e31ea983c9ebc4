package io.salesflow.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.identity.Teams;
import io.salesflow.identity.Users;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.tenancy.Tenants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A workspace of its own for one routing test: an admin, marketing, a manager and reps {@code rep1..repN} in
 * team "Inside", so that its rule sets and rep states meet no other test's.
 */
final class RoutingWorkspace {

    final String slug;
    final UUID team;
    final Map<String, UUID> users;
    private final Api api;

    private RoutingWorkspace(Api api, String slug, UUID team, Map<String, UUID> users) {
        this.api = api;
        this.slug = slug;
        this.team = team;
        this.users = users;
    }

    static RoutingWorkspace create(Api api, Tenants tenants, InTenant inTenant, Users users, Teams teams, int reps) {
        String slug = "rt" + UUID.randomUUID().toString().substring(0, 8);
        tenants.provision(slug, "Routing " + slug);
        Map<String, UUID> ids = new LinkedHashMap<>();
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("admin", "org_admin");
        roles.put("marketing", "marketing");
        roles.put("manager", "manager");
        IntStream.rangeClosed(1, reps).forEach(i -> roles.put("rep" + i, "sales_rep"));
        UUID team = inTenant.call(slug, () -> {
            roles.forEach((name, role) -> ids.put(
                    name,
                    users.ensure(name + "@" + slug + ".test", name, Api.DEMO_PASSWORD, List.of(role))
                            .id()));
            List<UUID> members = new ArrayList<>();
            IntStream.rangeClosed(1, reps).forEach(i -> members.add(ids.get("rep" + i)));
            return teams.create(new Teams.TeamDefinition("Inside", ids.get("manager"), members))
                    .id();
        });
        return new RoutingWorkspace(api, slug, team, ids);
    }

    Api.Call as(String user, String method, String path) {
        return api.as(slug, user + "@" + slug + ".test", method, path);
    }

    UUID id(String user) {
        return users.get(user);
    }

    /** The name of a user by id, for readable assertions. */
    String nameOf(UUID id) {
        return users.entrySet().stream()
                .filter(e -> e.getValue().equals(id))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(id.toString());
    }

    /** Saves and activates {@code rules} (a list of rule bodies); the unassigned queue is the default. */
    JsonNode activate(List<Map<String, Object>> rules) {
        JsonNode created = as("admin", "POST", "/api/v1/routing/rule-sets")
                .json(Map.of("rules", rules))
                .send()
                .expect(201)
                .json();
        return as(
                        "admin",
                        "POST",
                        "/api/v1/routing/rule-sets/" + created.get("id").asText() + "/activate")
                .send()
                .expect(200)
                .json();
    }

    /** Countries {@code countries} go to the workspace's team. */
    JsonNode activateCountries(String... countries) {
        return activate(List.of(countriesRule("Countries", countries)));
    }

    Map<String, Object> countriesRule(String name, String... countries) {
        return rule(name, team, 10, "COUNTRY", "IN", countries);
    }

    static Map<String, Object> rule(
            String name, UUID team, int priority, String field, String operator, String... values) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("name", name);
        rule.put("team", team.toString());
        rule.put("priority", priority);
        rule.put("conditions", List.of(Map.of("field", field, "operator", operator, "values", List.of(values))));
        return rule;
    }

    void members(List<Map<String, Object>> settings) {
        as("admin", "PUT", "/api/v1/teams/" + team + "/routing-members")
                .json(Map.of("members", settings))
                .send()
                .expect(200);
    }

    static Map<String, Object> setting(UUID user, Integer weight, Integer dailyCap, Integer openCap, boolean active) {
        Map<String, Object> s = new HashMap<>();
        s.put("userId", user.toString());
        s.put("weight", weight);
        s.put("dailyCap", dailyCap);
        s.put("openCap", openCap);
        s.put("active", active);
        return s;
    }

    /** A lead from marketing (who hands leads out) in {@code country}. */
    JsonNode leadFrom(String creator, String country) {
        return as(creator, "POST", "/api/v1/leads")
                .json(Map.of("company", "Lead " + UUID.randomUUID(), "source", "web_form", "country", country))
                .send()
                .expect(201)
                .json();
    }

    JsonNode assignments(String user, String leadId) {
        return as(user, "GET", "/api/v1/leads/" + leadId + "/assignments")
                .send()
                .expect(200)
                .json()
                .get("items");
    }
}
