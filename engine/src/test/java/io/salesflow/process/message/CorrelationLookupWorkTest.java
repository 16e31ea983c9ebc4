package io.salesflow.process.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.platform.database.EmbeddedPostgresServer;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.TableReads;
import io.salesflow.tenancy.Tenants;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A workspace newer than the engine's statistics (a new customer, their first weeks of leads): finding the one
 * instance a message is for reads that instance's executions, not every instance of the workspace waiting for the
 * same message. The reads are the index entries and rows PostgreSQL counts for the transaction
 * ({@code pg_stat_get_xact_*}), not times.
 */
@IntegrationTest
class CorrelationLookupWorkTest {

    private static final Logger log = LoggerFactory.getLogger(CorrelationLookupWorkTest.class);
    private static final int WAITING = 1_500;

    @Autowired
    Tenants tenants;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    EmbeddedPostgresServer database;

    @Test
    void aMessageForOneOfManyWaitingInstancesReadsThatInstanceNotTheWorkspaces() {
        // Another workspace has run the process for a while when the statistics are taken; this one is new.
        String older = workspace(200);
        new JdbcTemplate(database.superuserDataSource())
                .execute("ANALYZE act_ru_execution; ANALYZE act_ru_event_subscr; ANALYZE act_re_procdef");
        String slug = workspace(WAITING);
        assertThat(older).isNotEqualTo(slug);

        long reads = inTenant.call(slug, () -> {
            long before = TableReads.sum(jdbc, "act_ru_execution", "act_ru_event_subscr");
            runtime.createMessageCorrelation("Reply")
                    .tenantId(slug)
                    .processInstanceBusinessKey("lead:" + (WAITING / 2))
                    .correlateWithResult();
            return TableReads.sum(jdbc, "act_ru_execution", "act_ru_event_subscr") - before;
        });

        log.info("A correlation among {} waiting instances read {} index entries and rows", WAITING, reads);
        assertThat(inTenant.call(slug, () -> runtime.createProcessInstanceQuery()
                        .tenantIdIn(slug)
                        .processInstanceBusinessKey("lead:" + (WAITING / 2))
                        .count()))
                .as("the instance got its message and ended")
                .isZero();
        assertThat(reads)
                .as("the instance's own executions and subscription, not the %d waiting beside it", WAITING)
                .isLessThan(100);
    }

    /** A new workspace with the process deployed and {@code waiting} instances of it waiting for "Reply". */
    private String workspace(int waiting) {
        String slug = "corr" + UUID.randomUUID().toString().substring(0, 8);
        tenants.provision(slug, "Correlation " + slug);
        inTenant.run(slug, () -> {
            repository
                    .createDeployment()
                    .tenantId(slug)
                    .addModelInstance(
                            "waits.bpmn",
                            Bpmn.createExecutableProcess("waits")
                                    .camundaHistoryTimeToLive(1)
                                    .startEvent()
                                    .receiveTask("wait")
                                    .message("Reply")
                                    .endEvent()
                                    .done())
                    .deploy();
            for (int i = 0; i < waiting; i++) {
                runtime.createProcessInstanceByKey("waits")
                        .processDefinitionTenantId(slug)
                        .businessKey("lead:" + i)
                        .execute();
            }
        });
        return slug;
    }
}
