package io.salesflow.process.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The "send email" connector action: the shipped element template binds a service task to the {@code sendEmail}
 * bean, and a process step built like it queues the template to the process's lead through the outbox.
 */
@IntegrationTest
class SendEmailDelegateTest {

    @Autowired
    Api api;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theElementTemplateBindsTheCatalogueBean() throws Exception {
        JsonNode template;
        try (InputStream in = getClass().getResourceAsStream("/element-templates/send-email.json")) {
            template = new ObjectMapper().readTree(in);
        }
        assertThat(template.get("appliesTo").toString()).contains("bpmn:ServiceTask");
        assertThat(template.get("properties").findValuesAsText("value")).contains("${sendEmail}");
        JsonNode beans = api.as("acme", "ops@acme.test", "GET", "/api/v1/process-beans")
                .send()
                .expect(200)
                .json();
        assertThat(beans.toString()).contains("sendEmail");
    }

    @Test
    void aProcessStepQueuesTheTemplateToItsLeadThroughTheOutbox() {
        api.as("acme", "admin@acme.test", "PUT", "/api/v1/settings/email")
                .json(Map.of(
                        "smtpHost", "smtp.process.invalid",
                        "smtpPort", 2525,
                        "smtpSecurity", "none",
                        "fromAddress", "sales@acme.test",
                        "ratePerMinute", 1000))
                .send()
                .expect(200);
        String to = "proc-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String lead = api.as("acme", "rep@acme.test", "POST", "/api/v1/leads")
                .json(Map.of("firstName", "Proc", "lastName", "Ess", "email", to, "source", "api"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String templateId = api.as("acme", "admin@acme.test", "POST", "/api/v1/email-templates")
                .json(Map.of(
                        "name", "Process " + UUID.randomUUID(),
                        "subject", "For {{record.firstName}} from {{sender.name}}",
                        "text", "Offer: {{vars.offer}}"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String key =
                "send_email_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        BpmnModelInstance model = Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("SendEmail")
                .camundaDelegateExpression("${sendEmail}")
                .camundaInputParameter("templateId", templateId)
                .camundaInputParameter("var_offer", "a free trial")
                .endEvent()
                .done();
        repository
                .createDeployment()
                .tenantId("acme")
                .addModelInstance(key + ".bpmn", model)
                .deploy();
        ProcessInstance instance = runtime.createProcessInstanceByKey(key)
                .processDefinitionTenantId("acme")
                .businessKey("lead:" + lead)
                .execute();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> history.createHistoricProcessInstanceQuery()
                                .processInstanceId(instance.getId())
                                .finished()
                                .count()
                        == 1);
        Map<String, Object> email = inTenant.call(
                "acme",
                () -> jdbc.queryForMap(
                        "SELECT e.subject, e.body_text, e.to_addresses[1] AS recipient, e.template_version,"
                                + " o.message_key FROM emails e JOIN outbox_messages o ON o.subject_id = e.id"
                                + " WHERE e.record_id = ?",
                        UUID.fromString(lead)));
        assertThat(email)
                .hasEntrySatisfying(
                        "subject",
                        s -> assertThat((String) s).startsWith("For Proc from ").doesNotEndWith("from "))
                .containsEntry("body_text", "Offer: a free trial")
                .containsEntry("recipient", to)
                .containsEntry("template_version", 1);
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .variableName("emailStatus")
                        .singleResult()
                        .getValue())
                .isEqualTo("queued");
    }
}
