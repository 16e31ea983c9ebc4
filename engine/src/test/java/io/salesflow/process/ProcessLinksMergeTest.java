package io.salesflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salesflow.records.MergeParticipant;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Running processes about merged records follow them to the survivor, in the merging tenant only. */
@IntegrationTest
class ProcessLinksMergeTest {

    private static final String REP = "rep@acme.test";

    @Autowired
    Api api;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ProcessLinksMergeParticipant participant;

    @Autowired
    Tenants tenants;

    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void deploy() {
        for (String tenant : List.of("acme", "globex")) {
            repository
                    .createDeployment()
                    .tenantId(tenant)
                    .name("merge-probe")
                    .enableDuplicateFiltering(false)
                    .addModelInstance(
                            "merge-probe.bpmn",
                            Bpmn.createExecutableProcess("merge_probe")
                                    .camundaHistoryTimeToLive(1)
                                    .startEvent()
                                    .receiveTask("wait")
                                    .endEvent()
                                    .done())
                    .deploy();
        }
    }

    @Test
    void aMergedLeadsProcessesTakeTheSurvivorsBusinessKeyAndId() {
        String survivor = lead();
        String merged = lead();
        String nurture = nurtureOf(merged);
        ProcessInstance byKey = start("acme", "lead:" + merged, Map.of());
        ProcessInstance byVariable = start("acme", null, Map.of("leadId", merged, "step", "nurture"));
        ProcessInstance survivors = start("acme", "lead:" + survivor, Map.of("leadId", survivor));
        ProcessInstance otherTenant = start("globex", "lead:" + merged, Map.of("leadId", merged));

        int moved = api.as("acme", REP, "POST", "/api/v1/leads/merge")
                .json(Map.of("survivorId", survivor, "mergedIds", List.of(merged), "fields", Map.of()))
                .send()
                .expect(200)
                .json()
                .get("moved")
                .get("processes")
                .asInt();

        assertThat(moved).as("the probes and the merged lead's nurture").isEqualTo(3);
        assertThat(runtime.getVariable(nurture, "recordId")).isEqualTo(survivor);
        assertThat(businessKey(byKey)).isEqualTo("lead:" + survivor);
        assertThat(runtime.getVariable(byVariable.getId(), "leadId")).isEqualTo(survivor);
        assertThat(runtime.getVariable(byVariable.getId(), "step"))
                .as("other variables stay")
                .isEqualTo("nurture");
        assertThat(businessKey(survivors)).isEqualTo("lead:" + survivor);
        assertThat(businessKey(otherTenant))
                .as("another workspace's processes are not the merge's business")
                .isEqualTo("lead:" + merged);
        assertThat(runtime.getVariable(otherTenant.getId(), "leadId")).isEqualTo(merged);
    }

    @Test
    void theEngineSharesTheMergesTransactionSoARefusedMergeMovesNoProcess() {
        String survivor = lead();
        String merged = lead();
        ProcessInstance instance = start("acme", "lead:" + merged, Map.of("leadId", merged));

        TenantContext.runAs(
                tenants.findBySlug("acme").orElseThrow().getId(),
                () -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    participant.merge(new MergeParticipant.Merge(
                            "lead", UUID.fromString(survivor), List.of(UUID.fromString(merged))));
                    status.setRollbackOnly();
                }));

        assertThat(businessKey(instance)).isEqualTo("lead:" + merged);
        assertThat(runtime.getVariable(instance.getId(), "leadId")).isEqualTo(merged);
    }

    private ProcessInstance start(String tenant, String businessKey, Map<String, Object> variables) {
        return runtime.createProcessInstanceByKey("merge_probe")
                .processDefinitionTenantId(tenant)
                .businessKey(businessKey)
                .setVariables(variables)
                .execute();
    }

    /** The lead's nurture instance, once the durable LeadCreated listener started it. */
    private String nurtureOf(String lead) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> runtime.createProcessInstanceQuery()
                                .processDefinitionKey("lead-nurture")
                                .processInstanceBusinessKey("lead:" + lead)
                                .singleResult(),
                        i -> i != null)
                .getId();
    }

    private String businessKey(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getBusinessKey();
    }

    private String lead() {
        return api.as("acme", REP, "POST", "/api/v1/leads")
                .json(Map.of("company", "Process " + UUID.randomUUID(), "source", "api"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }
}
