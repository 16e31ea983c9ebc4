package io.salesflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * FEEL, the language of decision tables, can declare "external" functions that call any static Java method.
 * Deployment validation lets FEEL through, so the engine's FEEL must refuse them: a decision that tries to set a
 * system property fails, and the property stays unset.
 */
@IntegrationTest
class FeelExternalFunctionsTest {

    @Autowired
    RepositoryService repository;

    @Autowired
    DecisionService decisions;

    @Test
    void aDecisionCannotCallJavaThroughAFeelExternalFunction() {
        String property = "salesflow.feel.probe." + UUID.randomUUID();
        String call = "(function(k, v) external {java: {class: \"java.lang.System\", method signature:"
                + " \"setProperty(java.lang.String, java.lang.String)\"}})(\"" + property + "\", \"pwned\")";
        String dmn =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="probe" name="probe"
                    namespace="http://salesflow.io/test" xmlns:camunda="http://camunda.org/schema/1.0/dmn">
                  <decision id="feel_probe" name="probe" camunda:historyTimeToLive="1">
                    <literalExpression id="expr"><text>%s</text></literalExpression>
                  </decision>
                </definitions>
                """
                        .formatted(call.replace("\"", "&quot;"));
        repository
                .createDeployment()
                .tenantId("acme")
                .name("feel-probe")
                .addString("feel-probe.dmn", dmn)
                .deploy();

        assertThatThrownBy(() -> decisions
                        .evaluateDecisionByKey("feel_probe")
                        .decisionDefinitionTenantId("acme")
                        .variables(Map.of())
                        .evaluate())
                .hasMessageContaining("external");
        assertThat(System.getProperty(property)).isNull();
    }
}
