package io.salesflow.process.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which process the workspace runs for each event that starts one; ops switch to their own ({@code process:design}). */
@RestController
@RequestMapping("/api/v1/process-triggers")
@Tag(name = "Processes")
@PreAuthorize("hasAuthority('process:design')")
class ProcessTriggerController {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");
    private static final Set<String> FIELDS = Set.of("processKey", "enabled");

    private final ProcessTriggers triggers;
    private final RepositoryService repository;
    private final AuditLog audit;

    ProcessTriggerController(ProcessTriggers triggers, RepositoryService repository, AuditLog audit) {
        this.triggers = triggers;
        this.repository = repository;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Each event that starts a process, with the process the workspace runs for it")
    List<ProcessTriggers.Trigger> list() {
        return triggers.all();
    }

    @PutMapping("/{event}")
    @Transactional
    @Operation(
            summary = "Run another deployed process for the event, or switch it off: {\"processKey\":…,\"enabled\":…}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = TriggerChange.class)))
    ProcessTriggers.Trigger change(@PathVariable String event, @RequestBody ObjectNode body) {
        if (!ProcessTriggers.SHIPPED.containsKey(event)) {
            throw Problem.notFound("Process trigger", event);
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw Problem.invalid(f, "is not a field of a process trigger");
            }
        });
        ProcessTriggers.Trigger before = triggers.find(event);
        JsonNode key = body.get("processKey");
        JsonNode enabled = body.get("enabled");
        String processKey = before.processKey();
        if (key != null && !key.isNull()) {
            if (!key.isTextual() || !KEY.matcher(key.asText()).matches()) {
                throw Problem.invalid("processKey", "must be the key of a process, such as lead-nurture");
            }
            processKey = key.asText();
        }
        if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
            throw Problem.invalid("enabled", "must be true or false");
        }
        if (repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(processKey)
                        .tenantIdIn(Caller.require().tenantSlug())
                        .count()
                == 0) {
            throw Problem.invalid("processKey", "no process with this key is deployed for your workspace");
        }
        ProcessTriggers.Trigger after = new ProcessTriggers.Trigger(
                event, processKey, enabled == null || enabled.isNull() ? before.enabled() : enabled.asBoolean());
        triggers.save(after);
        audit.record("process_trigger.changed", "process_trigger", event, before, after);
        return after;
    }

    /** The body of a change: both fields optional. */
    record TriggerChange(String processKey, Boolean enabled) {}
}
