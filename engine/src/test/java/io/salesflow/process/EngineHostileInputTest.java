package io.salesflow.process;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine paths of the probe's hostile inputs: odd path spellings answered before anyone signs in, and bodies
 * the engine's API would answer with a 500, each a 400 (or 415) problem naming what is wrong.
 */
@IntegrationTest
class EngineHostileInputTest {

    @Autowired
    Api api;

    @Test
    void oddSpellingsOfEnginePathsAre400BeforeAnySignIn() {
        for (String path : List.of(
                "//engine-rest/engine",
                "/engine-rest;x=1/engine",
                "//camunda/api/engine/engine/default/user",
                "/engine-rest/%2e%2e/api/v1/leads",
                "/camunda/app/cockpit/default/%2F..%2F")) {
            Api.Response r = api.get(path).send();
            assertField(r, "path");
            r = api.asOperator("GET", path).send();
            assertField(r, "path");
        }
    }

    @Test
    void aConditionEvaluationIsAClientErrorNotAServerError() {
        assertField(
                api.asOperator("POST", "/engine-rest/condition").json(Map.of()).send(), "tenantId");
        Api.Response nothingStarts = api.asOperator("POST", "/engine-rest/condition")
                .json(Map.of("tenantId", "acme", "variables", Map.of("amount", Map.of("value", 5, "type", "Integer"))))
                .send();
        assertThat(nothingStarts.status()).as(nothingStarts.body()).isBetween(400, 499);
    }

    @Test
    void aBodyThatIsNotStrictJsonIsRefusedBeforeTheEngineReadsIt() {
        for (String body : List.of("{\"tenantId\":\"acme\"} trailing", "{\"a\":1,\"a\":2}", "{'a':1}", "[")) {
            Api.Response r = api.asOperator("POST", "/engine-rest/message")
                    .body(body, "application/json")
                    .send();
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        Api.Response form = api.asOperator("POST", "/engine-rest/message")
                .body("messageName=x&tenantId=acme", "application/x-www-form-urlencoded")
                .send();
        assertThat(form.status()).isEqualTo(415);
        Api.Response wildcard = api.asOperator("POST", "/engine-rest/message")
                .body("{\"messageName\":\"x\",\"tenantIdExpression\":\"${1}\"}", "application/*")
                .send();
        assertField(wildcard, "tenantIdExpression");
    }
}
