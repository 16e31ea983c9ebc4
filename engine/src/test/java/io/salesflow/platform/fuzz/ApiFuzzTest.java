package io.salesflow.platform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.records.RecordType;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Walks every operation of {@code /v3/api-docs} as the acme admin with a fixed corpus of hostile values, one
 * mutated parameter, header or body field per request, in a fixed order: no answer may be a 5xx, a 409 only where
 * the operation documents one, and every error is {@code application/problem+json}. Everything it changes or
 * deletes is its own ({@link FuzzFixtures}); workspace settings it may touch are put back, and the test checks
 * that nothing shared changed ({@link SharedWorkspace}).
 */
@IntegrationTest
class ApiFuzzTest {

    @Autowired
    Api api;

    @Autowired
    List<RecordType> recordTypes;

    @Test
    void noHostileInputGetsAServerErrorAnUndocumentedConflictOrAnythingButAProblem() {
        JsonNode document = api.get("/v3/api-docs").send().expect(200).json();
        List<ApiOperation> operations = ApiOperation.all(document);
        SharedWorkspace workspace = new SharedWorkspace(api);
        Map<String, String> before = workspace.state();
        FuzzFixtures fixtures = FuzzFixtures.create(api);
        FuzzRequests requests = new FuzzRequests(fixtures, workspace, recordTypes);
        String token = api.token("acme", "admin@acme.test");
        // Guesses at a current password are charged to the guesser's sign-in throttle: a user of their own, never
        // the admin's or the fuzz user's, whose sign-ins other tests and the login baselines need.
        String guesser = "fuzz-password-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        api.as("acme", "admin@acme.test", "POST", "/api/v1/users")
                .json(Map.of(
                        "email",
                        guesser,
                        "displayName",
                        "Fuzz password",
                        "password",
                        FuzzFixtures.PASSWORD,
                        "roles",
                        List.of("sales_rep")))
                .send()
                .expect(201);
        String ownPasswordToken = api.login("acme", guesser, FuzzFixtures.PASSWORD)
                .expect(200)
                .json()
                .get("accessToken")
                .asText();
        List<String> failures = new ArrayList<>();
        List<String> neverSucceeded = new ArrayList<>();
        int sent = 0;
        long started = System.nanoTime();
        try {
            for (ApiOperation operation : operations) {
                boolean succeeded = false;
                for (FuzzRequest request : requests.of(operation)) {
                    sent++;
                    Api.Response response =
                            send(request, operation.path().equals(OWN_PASSWORD) ? ownPasswordToken : token);
                    succeeded |= response.status() < 300;
                    check(request, response).ifPresent(failures::add);
                }
                if (!succeeded) {
                    neverSucceeded.add(operation.label());
                }
            }
        } finally {
            workspace.restore(fixtures.pipelines());
        }
        System.out.printf(
                "API fuzz: %d operations, %d requests in %d s, %d failures%n",
                operations.size(), sent, (System.nanoTime() - started) / 1_000_000_000, failures.size());
        // Not a failure: these operations were fuzzed, but no request got past their checks (a 404 baseline).
        System.out.println("API fuzz: operations no request succeeded on: " + neverSucceeded);
        assertThat(workspace.state())
                .as("workspace state the fuzz test must leave alone")
                .isEqualTo(before);
        assertThat(failures).as("%d of %d requests", failures.size(), sent).isEmpty();
    }

    private static final String OWN_PASSWORD = "/api/v1/me/password";

    /** An annotation documenting an error response makes springdoc drop the success one unless it is named too. */
    @Test
    void everyOperationDocumentsItsSuccess() {
        JsonNode document = api.get("/v3/api-docs").send().expect(200).json();
        assertThat(ApiOperation.all(document)).allSatisfy(operation -> assertThat(operation.statuses())
                .as(operation.label())
                .anyMatch(status -> status.startsWith("2")));
    }

    private Api.Response send(FuzzRequest request, String token) {
        Api.Call call = api.call(request.operation().method(), request.path()).bearer(token);
        request.headers().forEach(call::header);
        if (request.body() != null) {
            call.body(request.body(), request.contentType());
        }
        return call.send();
    }

    static java.util.Optional<String> check(FuzzRequest request, Api.Response response) {
        int status = response.status();
        String problem = null;
        if (status >= 500) {
            problem = "server error";
        } else if (status == 409 && !request.operation().documents(409)) {
            problem = "undocumented 409";
        } else if (status >= 400 && !response.contentType().startsWith("application/problem+json")) {
            problem = "not a problem: " + response.contentType();
        }
        if (problem == null) {
            return java.util.Optional.empty();
        }
        String body = response.body();
        return java.util.Optional.of(request.describe() + " → " + status + " " + problem + ": "
                + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
    }
}
