package io.salesflow.process.admin;

import io.salesflow.audit.AuditLog;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Moves running instances of one version of a process to another version of it, with a plan that maps the
 * activities both versions have (plus the caller's own instructions, which take precedence for their source
 * activity). A dry run does exactly what the real run would, instance by instance, and rolls it all back: what it
 * says would move, moves. A real run moves all the instances it names or none, synchronously, at most
 * {@value #MAX_INSTANCES} at a time.
 */
@Service
public class ProcessMigrations {

    static final int MAX_INSTANCES = 500;
    static final int MAX_INSTRUCTIONS = 100;
    private static final int MAX_ID = 255;

    /** What to move where; {@code instanceIds} null means every running instance of the source. */
    public record MigrationRequest(
            String sourceDefinitionId,
            String targetDefinitionId,
            List<String> instanceIds,
            Boolean dryRun,
            List<ActivityMapping> instructions) {}

    /** An activity of the source and the activity of the target its instances move to. */
    public record ActivityMapping(String from, String to) {}

    /** Why the plan cannot be made: an instruction (given or derived) and what is wrong with it. */
    public record PlanFailure(String from, String to, List<String> failures) {}

    /** An instance that cannot move, and why (each reason prefixed with the activity it concerns). */
    public record NotMigratable(String instanceId, List<String> failures) {}

    /**
     * What a migration did, or would do on a dry run: the plan's instructions, the instances that move and those that
     * cannot (with reasons), or why there is no plan at all.
     */
    public record MigrationReport(
            boolean dryRun,
            String processKey,
            String sourceDefinitionId,
            int sourceVersion,
            String targetDefinitionId,
            int targetVersion,
            List<ActivityMapping> instructions,
            List<PlanFailure> planFailures,
            int count,
            List<String> instanceIds,
            List<NotMigratable> notMigratable) {}

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final AdminCalls calls;
    private final AuditLog audit;

    ProcessMigrations(RuntimeService runtime, RepositoryService repository, AdminCalls calls, AuditLog audit) {
        this.runtime = runtime;
        this.repository = repository;
        this.calls = calls;
        this.audit = audit;
    }

    @Transactional
    public MigrationReport migrate(MigrationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String sourceId = id(request.sourceDefinitionId(), "sourceDefinitionId", errors);
        String targetId = id(request.targetDefinitionId(), "targetDefinitionId", errors);
        if (request.dryRun() == null) {
            errors.add(new FieldError("dryRun", "is required: true to see what would move, false to move it"));
        }
        List<ActivityMapping> instructions = instructions(request.instructions(), errors);
        List<String> named = instanceIds(request.instanceIds(), errors);
        throwIfAny(errors);
        boolean dryRun = request.dryRun();
        return calls.asCaller(() -> {
            ProcessDefinition source = definition(sourceId, "sourceDefinitionId", errors);
            ProcessDefinition target = definition(targetId, "targetDefinitionId", errors);
            if (source != null && target != null) {
                if (source.getId().equals(target.getId())) {
                    errors.add(new FieldError("targetDefinitionId", "is the source itself: name another version"));
                } else if (!source.getKey().equals(target.getKey())) {
                    errors.add(new FieldError(
                            "targetDefinitionId", "must be a version of the same process (" + source.getKey() + ")"));
                }
            }
            throwIfAny(errors);
            List<String> instances = instancesOf(source, named, errors);
            throwIfAny(errors);

            MigrationReport report = run(source, target, instructions, instances, dryRun);
            if (dryRun) {
                // Everything the dry run moved goes back: it answered what a real run would do.
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                return report;
            }
            if (!report.planFailures().isEmpty()) {
                throw new Problem(
                                422,
                                "migration-plan-invalid",
                                "No migration plan",
                                "The versions cannot be mapped as asked: see planFailures; nothing was moved")
                        .with("planFailures", report.planFailures());
            }
            if (!report.notMigratable().isEmpty()) {
                throw new Problem(
                                409,
                                "migration-refused",
                                "Conflict",
                                report.notMigratable().size()
                                        + " of the instances cannot move as they stand (see notMigratable);"
                                        + " nothing was moved: leave them out with instanceIds, or change the plan")
                        .with("notMigratable", report.notMigratable())
                        .with("migratable", report.instanceIds());
            }
            if (report.count() > 0) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("targetDefinitionId", target.getId());
                after.put("targetVersion", target.getVersion());
                after.put("instructions", report.instructions());
                after.put("instanceIds", report.instanceIds());
                after.put("count", report.count());
                audit.record(
                        "process_instances.migrated",
                        "process_definition",
                        source.getId(),
                        Map.of("sourceDefinitionId", source.getId(), "sourceVersion", source.getVersion()),
                        after);
            }
            return report;
        });
    }

    /** Builds the plan and moves the instances one by one, noting which cannot move; the caller decides to keep it. */
    private MigrationReport run(
            ProcessDefinition source,
            ProcessDefinition target,
            List<ActivityMapping> given,
            List<String> instances,
            boolean dryRun) {
        List<PlanFailure> planFailures = new ArrayList<>();
        MigrationPlan plan = plan(source.getId(), target.getId(), given, planFailures);
        List<String> moved = new ArrayList<>();
        List<NotMigratable> refused = new ArrayList<>();
        if (plan == null) {
            instances.forEach(
                    i -> refused.add(new NotMigratable(i, List.of("there is no migration plan: see planFailures"))));
        } else {
            for (String instance : instances) {
                try {
                    runtime.newMigration(plan).processInstanceIds(instance).execute();
                    moved.add(instance);
                } catch (MigratingProcessInstanceValidationException e) {
                    refused.add(new NotMigratable(instance, failures(e.getValidationReport())));
                }
            }
        }
        return new MigrationReport(
                dryRun,
                source.getKey(),
                source.getId(),
                source.getVersion(),
                target.getId(),
                target.getVersion(),
                plan == null
                        ? given
                        : plan.getInstructions().stream()
                                .map(i -> new ActivityMapping(i.getSourceActivityId(), i.getTargetActivityId()))
                                .toList(),
                planFailures,
                moved.size(),
                moved,
                refused);
    }

    /**
     * The activities both versions have, mapped to each other, except where the caller's instructions say where a
     * source activity goes; null when the engine refuses the plan (the reasons go into {@code failures}).
     */
    private MigrationPlan plan(String source, String target, List<ActivityMapping> given, List<PlanFailure> failures) {
        try {
            MigrationPlan equal = runtime.createMigrationPlan(source, target)
                    .mapEqualActivities()
                    .build();
            if (given.isEmpty()) {
                return equal;
            }
            Set<String> overridden = new HashSet<>();
            given.forEach(i -> overridden.add(i.from()));
            MigrationPlanBuilder builder = runtime.createMigrationPlan(source, target);
            for (MigrationInstruction derived : equal.getInstructions()) {
                if (!overridden.contains(derived.getSourceActivityId())) {
                    builder = derived.isUpdateEventTrigger()
                            ? builder.mapActivities(derived.getSourceActivityId(), derived.getTargetActivityId())
                                    .updateEventTrigger()
                            : builder.mapActivities(derived.getSourceActivityId(), derived.getTargetActivityId());
                }
            }
            for (ActivityMapping instruction : given) {
                builder = builder.mapActivities(instruction.from(), instruction.to());
            }
            return builder.build();
        } catch (MigrationPlanValidationException e) {
            for (MigrationInstructionValidationReport report :
                    e.getValidationReport().getInstructionReports()) {
                MigrationInstruction instruction = report.getMigrationInstruction();
                failures.add(new PlanFailure(
                        instruction.getSourceActivityId(),
                        instruction.getTargetActivityId(),
                        List.copyOf(report.getFailures())));
            }
            if (failures.isEmpty()) {
                failures.add(new PlanFailure(null, null, List.of(e.getMessage())));
            }
            return null;
        }
    }

    private static List<String> failures(MigratingProcessInstanceValidationReport report) {
        List<String> failures = new ArrayList<>(report.getFailures());
        for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
            activity.getFailures().forEach(f -> failures.add(activity.getSourceScopeId() + ": " + f));
        }
        for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
            transition.getFailures().forEach(f -> failures.add(transition.getSourceScopeId() + ": " + f));
        }
        return failures;
    }

    /** The instances to move: those named (each a running instance of the source), else all of the source's. */
    private List<String> instancesOf(ProcessDefinition source, List<String> named, List<FieldError> errors) {
        if (named == null) {
            List<String> all = runtime
                    .createProcessInstanceQuery()
                    .tenantIdIn(AdminCalls.tenant())
                    .processDefinitionId(source.getId())
                    .orderByProcessInstanceId()
                    .asc()
                    .listPage(0, MAX_INSTANCES + 1)
                    .stream()
                    .map(ProcessInstance::getId)
                    .toList();
            if (all.size() > MAX_INSTANCES) {
                errors.add(new FieldError(
                        "instanceIds",
                        "the source has more than " + MAX_INSTANCES + " running instances: name at most "
                                + MAX_INSTANCES + " at a time"));
            }
            return all;
        }
        if (named.isEmpty()) {
            return named;
        }
        Set<String> running = new HashSet<>();
        runtime.createProcessInstanceQuery()
                .tenantIdIn(AdminCalls.tenant())
                .processDefinitionId(source.getId())
                .processInstanceIds(new HashSet<>(named))
                .listPage(0, MAX_INSTANCES)
                .forEach(i -> running.add(i.getId()));
        for (int i = 0; i < named.size(); i++) {
            if (!running.contains(named.get(i))) {
                errors.add(
                        new FieldError("instanceIds[" + i + "]", "is not a running instance of the source definition"));
            }
        }
        return named;
    }

    private ProcessDefinition definition(String id, String field, List<FieldError> errors) {
        ProcessDefinition definition = repository
                .createProcessDefinitionQuery()
                .tenantIdIn(AdminCalls.tenant())
                .processDefinitionId(id)
                .singleResult();
        if (definition == null) {
            errors.add(new FieldError(field, "no process definition with this id in your workspace"));
        }
        return definition;
    }

    private static String id(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (value.length() > MAX_ID) {
            errors.add(new FieldError(field, "must be at most " + MAX_ID + " characters"));
            return null;
        }
        return value;
    }

    private static List<ActivityMapping> instructions(List<ActivityMapping> given, List<FieldError> errors) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_INSTRUCTIONS) {
            errors.add(new FieldError("instructions", "must have at most " + MAX_INSTRUCTIONS + " entries"));
            return List.of();
        }
        Set<String> sources = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            ActivityMapping instruction = given.get(i);
            if (instruction == null) {
                errors.add(new FieldError("instructions[" + i + "]", "must be {\"from\": …, \"to\": …}"));
                continue;
            }
            String from = id(instruction.from(), "instructions[" + i + "].from", errors);
            id(instruction.to(), "instructions[" + i + "].to", errors);
            if (from != null && !sources.add(from)) {
                errors.add(new FieldError("instructions[" + i + "].from", "maps " + from + " a second time"));
            }
        }
        return given;
    }

    private static List<String> instanceIds(List<String> given, List<FieldError> errors) {
        if (given == null) {
            return null;
        }
        if (given.size() > MAX_INSTANCES) {
            errors.add(new FieldError(
                    "instanceIds", "must name at most " + MAX_INSTANCES + " instances: migrate them in parts"));
            return null;
        }
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String id = id(given.get(i), "instanceIds[" + i + "]", errors);
            if (id != null && !unique.add(id)) {
                errors.add(new FieldError("instanceIds[" + i + "]", "is named twice"));
            }
        }
        return given;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new Problem(
                    400,
                    "validation",
                    "Invalid request",
                    errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
    }
}
