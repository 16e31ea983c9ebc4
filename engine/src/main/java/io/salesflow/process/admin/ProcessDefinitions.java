package io.salesflow.process.admin;

import io.salesflow.audit.AuditLog;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The process and decision definitions of the caller's workspace, for ops: the latest version of each key, every
 * version of one, the model's XML for the modeler, and suspending or resuming all instances of a version.
 */
@Service
public class ProcessDefinitions {

    /** A version of a process, with how many of its instances run, are suspended, and have an open incident. */
    public record ProcessDefinitionView(
            String id,
            String key,
            String name,
            int version,
            String versionTag,
            String resourceName,
            String deploymentId,
            Instant deployedAt,
            boolean suspended,
            long runningInstances,
            long suspendedInstances,
            long openIncidents) {}

    /** A version of a decision (DMN). */
    public record DecisionDefinitionView(
            String id,
            String key,
            String name,
            int version,
            String versionTag,
            String resourceName,
            String deploymentId,
            Instant deployedAt) {}

    /** A model file as deployed, for the modeler. */
    public record ModelXml(String id, String key, int version, String resourceName, String xml) {}

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final AdminCalls calls;
    private final AuditLog audit;

    ProcessDefinitions(RepositoryService repository, RuntimeService runtime, AdminCalls calls, AuditLog audit) {
        this.repository = repository;
        this.runtime = runtime;
        this.calls = calls;
        this.audit = audit;
    }

    /** The latest version of each process of the workspace, by key. */
    @Transactional(readOnly = true)
    public CursorPage<ProcessDefinitionView> latest(String cursor, int limit) {
        int offset = AdminCalls.offset(cursor);
        return calls.asCaller(() -> {
            List<ProcessDefinition> page = repository
                    .createProcessDefinitionQuery()
                    .tenantIdIn(AdminCalls.tenant())
                    .latestVersion()
                    .orderByProcessDefinitionKey()
                    .asc()
                    .listPage(offset, limit + 1);
            return AdminCalls.page(views(page), offset, limit);
        });
    }

    /** Every version of one process, newest first; a key the workspace does not have is a 404. */
    @Transactional(readOnly = true)
    public CursorPage<ProcessDefinitionView> versions(String key, String cursor, int limit) {
        int offset = AdminCalls.offset(cursor);
        return calls.asCaller(() -> {
            List<ProcessDefinition> page = repository
                    .createProcessDefinitionQuery()
                    .tenantIdIn(AdminCalls.tenant())
                    .processDefinitionKey(key)
                    .orderByProcessDefinitionVersion()
                    .desc()
                    .listPage(offset, limit + 1);
            if (page.isEmpty() && offset == 0) {
                throw Problem.notFound("Process", key);
            }
            return AdminCalls.page(views(page), offset, limit);
        });
    }

    @Transactional(readOnly = true)
    public ProcessDefinitionView get(String id) {
        return calls.asCaller(() -> views(List.of(definition(id))).get(0));
    }

    @Transactional(readOnly = true)
    public ModelXml xml(String id) {
        return calls.asCaller(() -> {
            ProcessDefinition d = definition(id);
            return new ModelXml(
                    d.getId(), d.getKey(), d.getVersion(), d.getResourceName(), read(repository.getProcessModel(id)));
        });
    }

    /** The latest version of each decision of the workspace, by key. */
    @Transactional(readOnly = true)
    public CursorPage<DecisionDefinitionView> latestDecisions(String cursor, int limit) {
        int offset = AdminCalls.offset(cursor);
        return calls.asCaller(() -> {
            List<DecisionDefinition> page = repository
                    .createDecisionDefinitionQuery()
                    .tenantIdIn(AdminCalls.tenant())
                    .latestVersion()
                    .orderByDecisionDefinitionKey()
                    .asc()
                    .listPage(offset, limit + 1);
            return AdminCalls.page(decisionViews(page), offset, limit);
        });
    }

    @Transactional(readOnly = true)
    public CursorPage<DecisionDefinitionView> decisionVersions(String key, String cursor, int limit) {
        int offset = AdminCalls.offset(cursor);
        return calls.asCaller(() -> {
            List<DecisionDefinition> page = repository
                    .createDecisionDefinitionQuery()
                    .tenantIdIn(AdminCalls.tenant())
                    .decisionDefinitionKey(key)
                    .orderByDecisionDefinitionVersion()
                    .desc()
                    .listPage(offset, limit + 1);
            if (page.isEmpty() && offset == 0) {
                throw Problem.notFound("Decision", key);
            }
            return AdminCalls.page(decisionViews(page), offset, limit);
        });
    }

    @Transactional(readOnly = true)
    public ModelXml decisionXml(String id) {
        return calls.asCaller(() -> {
            DecisionDefinition d = repository
                    .createDecisionDefinitionQuery()
                    .tenantIdIn(AdminCalls.tenant())
                    .decisionDefinitionId(id)
                    .singleResult();
            if (d == null) {
                throw Problem.notFound("Decision definition", id);
            }
            return new ModelXml(
                    d.getId(), d.getKey(), d.getVersion(), d.getResourceName(), read(repository.getDecisionModel(id)));
        });
    }

    /**
     * Suspends every running instance of the version; the version itself stays active, so the events that start it
     * keep starting new instances.
     */
    @Transactional
    public ProcessDefinitionView suspendInstances(String id) {
        return changeInstances(id, true);
    }

    /** Resumes every suspended instance of the version. */
    @Transactional
    public ProcessDefinitionView resumeInstances(String id) {
        return changeInstances(id, false);
    }

    private ProcessDefinitionView changeInstances(String id, boolean suspend) {
        return calls.asCaller(() -> {
            ProcessDefinitionView before = views(List.of(definition(id))).get(0);
            if (suspend) {
                runtime.updateProcessInstanceSuspensionState()
                        .byProcessDefinitionId(id)
                        .suspend();
            } else {
                runtime.updateProcessInstanceSuspensionState()
                        .byProcessDefinitionId(id)
                        .activate();
            }
            ProcessDefinitionView after = views(List.of(definition(id))).get(0);
            audit.record(
                    suspend ? "process_definition.instances_suspended" : "process_definition.instances_resumed",
                    "process_definition",
                    id,
                    counts(before),
                    counts(after));
            return after;
        });
    }

    private static Map<String, Object> counts(ProcessDefinitionView view) {
        return Map.of(
                "processKey", view.key(),
                "version", view.version(),
                "runningInstances", view.runningInstances(),
                "suspendedInstances", view.suspendedInstances());
    }

    /** A process definition of the caller's workspace; another workspace's is as missing as one that never was. */
    ProcessDefinition definition(String id) {
        ProcessDefinition d = repository
                .createProcessDefinitionQuery()
                .tenantIdIn(AdminCalls.tenant())
                .processDefinitionId(id)
                .singleResult();
        if (d == null) {
            throw Problem.notFound("Process definition", id);
        }
        return d;
    }

    private List<ProcessDefinitionView> views(List<ProcessDefinition> definitions) {
        String tenant = AdminCalls.tenant();
        Map<String, Instant> deployed = new HashMap<>();
        return definitions.stream()
                .map(d -> new ProcessDefinitionView(
                        d.getId(),
                        d.getKey(),
                        d.getName(),
                        d.getVersion(),
                        d.getVersionTag(),
                        d.getResourceName(),
                        d.getDeploymentId(),
                        deployed.computeIfAbsent(d.getDeploymentId(), this::deployedAt),
                        d.isSuspended(),
                        runtime.createProcessInstanceQuery()
                                .tenantIdIn(tenant)
                                .processDefinitionId(d.getId())
                                .active()
                                .count(),
                        runtime.createProcessInstanceQuery()
                                .tenantIdIn(tenant)
                                .processDefinitionId(d.getId())
                                .suspended()
                                .count(),
                        runtime.createIncidentQuery()
                                .tenantIdIn(tenant)
                                .processDefinitionId(d.getId())
                                .count()))
                .toList();
    }

    private List<DecisionDefinitionView> decisionViews(List<DecisionDefinition> definitions) {
        Map<String, Instant> deployed = new HashMap<>();
        return definitions.stream()
                .map(d -> new DecisionDefinitionView(
                        d.getId(),
                        d.getKey(),
                        d.getName(),
                        d.getVersion(),
                        d.getVersionTag(),
                        d.getResourceName(),
                        d.getDeploymentId(),
                        deployed.computeIfAbsent(d.getDeploymentId(), this::deployedAt)))
                .toList();
    }

    private Instant deployedAt(String deploymentId) {
        Deployment deployment = repository
                .createDeploymentQuery()
                .tenantIdIn(AdminCalls.tenant())
                .deploymentId(deploymentId)
                .singleResult();
        return deployment == null ? null : AdminCalls.instant(deployment.getDeploymentTime());
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
