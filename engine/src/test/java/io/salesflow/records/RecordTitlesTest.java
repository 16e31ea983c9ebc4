package io.salesflow.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.identity.Caller;
import io.salesflow.identity.Scope;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a record is called where another page mentions it, for those who may read it. */
@IntegrationTest
class RecordTitlesTest {

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    RecordTitles titles;

    private UUID create(String email, String path, Map<String, Object> body) {
        return UUID.fromString(api.as("acme", email, "POST", path)
                .json(body)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText());
    }

    private UUID userId(String email) {
        return UUID.fromString(api.as("acme", email, "GET", "/api/v1/me")
                .send()
                .expect(200)
                .json()
                .get("id")
                .asText());
    }

    private static Caller caller(UUID userId, Map<String, Scope> permissions) {
        return new Caller(
                Caller.Kind.USER, userId, userId, null, "acme", "test", Set.of(), permissions, Set.of(), null);
    }

    @Test
    void aLeadIsCalledByNameAndCompanyTheOthersByName() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID named = create(
                "admin@acme.test",
                "/api/v1/leads",
                Map.of("firstName", "Tilda", "lastName", "Titled " + tag, "company", "Initech", "source", "referral"));
        UUID companyOnly =
                create("admin@acme.test", "/api/v1/leads", Map.of("company", "Nameless " + tag, "source", "referral"));
        UUID account = create("admin@acme.test", "/api/v1/accounts", Map.of("name", "Titled account " + tag));
        Caller all = caller(userId("admin@acme.test"), Map.of("leads:read", Scope.ALL, "accounts:read", Scope.ALL));

        Map<UUID, String> leads = inTenant.call("acme", () -> titles.of(all, "lead", List.of(named, companyOnly)));
        assertThat(leads)
                .containsEntry(named, "Tilda Titled " + tag + " · Initech")
                .containsEntry(companyOnly, "Nameless " + tag);
        assertThat(inTenant.call("acme", () -> titles.of(all, "account", List.of(account))))
                .containsEntry(account, "Titled account " + tag);
        assertThat(inTenant.call("acme", () -> titles.of(all, "planet", List.of(account))))
                .isEmpty();
    }

    @Test
    void aRecordTheCallerMayNotReadOrThatIsDeletedHasNoTitle() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID ritas = create("rep@acme.test", "/api/v1/accounts", Map.of("name", "Rita's " + tag));
        UUID gone = create("rep@acme.test", "/api/v1/accounts", Map.of("name", "Gone " + tag));
        api.as("acme", "rep@acme.test", "DELETE", "/api/v1/accounts/" + gone)
                .send()
                .expect(204);

        UUID rita = userId("rep@acme.test");
        UUID ron = userId("rep2@acme.test");
        Caller owner = caller(rita, Map.of("accounts:read", Scope.OWN));
        Caller someoneElse = caller(ron, Map.of("accounts:read", Scope.OWN));
        Caller noAccess = caller(rita, Map.of("leads:read", Scope.ALL));

        assertThat(inTenant.call("acme", () -> titles.of(owner, "account", List.of(ritas, gone))))
                .containsOnlyKeys(ritas);
        assertThat(inTenant.call("acme", () -> titles.of(someoneElse, "account", List.of(ritas))))
                .isEmpty();
        assertThat(inTenant.call("acme", () -> titles.of(noAccess, "account", List.of(ritas))))
                .isEmpty();
    }
}
