package io.salesflow.calendar;

import io.salesflow.identity.Users;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.tenancy.Tenants;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A workspace of its own for a test that changes calendars, provisioned like any new tenant, with an org admin and
 * two sales reps.
 */
final class CalendarWorkspace {

    static final String PASSWORD = "A-long-passphrase-9";

    final String slug;
    final UUID tenantId;
    final UUID adminId;
    final UUID repId;
    final UUID otherRepId;
    private final Api api;
    private final Map<String, String> tokens = new java.util.HashMap<>();

    private CalendarWorkspace(String slug, UUID tenantId, Map<String, UUID> users, Api api) {
        this.slug = slug;
        this.tenantId = tenantId;
        this.adminId = users.get("admin");
        this.repId = users.get("rep");
        this.otherRepId = users.get("rep2");
        this.api = api;
    }

    static CalendarWorkspace create(Api api, Tenants tenants, InTenant inTenant, Users users) {
        String slug = "calendar-" + UUID.randomUUID().toString().substring(0, 8);
        UUID tenant = tenants.provision(slug, "Calendar test " + slug).getId();
        Map<String, UUID> ids = inTenant.call(
                slug,
                () -> Map.of(
                        "admin", user(users, "admin", slug, "org_admin"),
                        "rep", user(users, "rep", slug, "sales_rep"),
                        "rep2", user(users, "rep2", slug, "sales_rep")));
        return new CalendarWorkspace(slug, tenant, ids, api);
    }

    private static UUID user(Users users, String name, String slug, String role) {
        return users.ensure(name + "@" + slug + ".test", name, PASSWORD, List.of(role))
                .id();
    }

    /** A call as {@code admin}, {@code rep} or {@code rep2}. */
    Api.Call as(String user, String method, String path) {
        String token = tokens.computeIfAbsent(user, u -> api.login(slug, u + "@" + slug + ".test", PASSWORD)
                .expect(200)
                .json()
                .get("accessToken")
                .asText());
        return api.call(method, path).bearer(token);
    }

    Api.Response calendar() {
        return as("admin", "GET", "/api/v1/business-calendar").send().expect(200);
    }

    Api.Response putCalendar(Object body) {
        return as("admin", "PUT", "/api/v1/business-calendar").json(body).send();
    }
}
