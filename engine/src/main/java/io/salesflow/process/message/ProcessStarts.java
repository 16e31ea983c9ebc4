package io.salesflow.process.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.process.form.FormSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a process of the caller's workspace from outside ({@code POST /api/v1/processes/{key}/start}) with the
 * variables its start form declares, checked like a task's form; a process without a start form declares nothing
 * it could be started with and is not started from outside.
 */
@Service
public class ProcessStarts {

    /** The instance started: its id and business key. */
    public record Started(String processInstanceId, String processKey, int version, String businessKey) {}

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final FormService forms;
    private final ObjectMapper json;
    private final AuditLog audit;

    ProcessStarts(
            RepositoryService repository,
            RuntimeService runtime,
            FormService forms,
            ObjectMapper json,
            AuditLog audit) {
        this.repository = repository;
        this.runtime = runtime;
        this.forms = forms;
        this.json = json;
        this.audit = audit;
    }

    @Transactional
    public Started start(String key, String businessKey, JsonNode variables) {
        String tenant = Caller.require().tenantSlug();
        ProcessDefinition definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .tenantIdIn(tenant)
                .latestVersion()
                .active()
                .singleResult();
        if (definition == null) {
            throw Problem.notFound("Process", key);
        }
        FormSchema form = startForm(definition);
        if (form == null) {
            throw new Problem(
                    422,
                    "no-start-form",
                    "The process cannot be started from outside",
                    "Process " + key + " declares no start form, so nothing says what it may be started with");
        }
        if (businessKey != null && (businessKey.isBlank() || businessKey.length() > 255)) {
            throw Problem.invalid("businessKey", "must be text of 1 to 255 characters");
        }
        Map<String, Object> values = new LinkedHashMap<>(form.check(variables));
        ProcessInstance instance = runtime.createProcessInstanceById(definition.getId())
                .businessKey(businessKey)
                .setVariables(values)
                .execute();
        audit.record(
                "process.started",
                "process_instance",
                instance.getId(),
                null,
                Map.of("processKey", key, "version", definition.getVersion(), "variables", values));
        return new Started(instance.getId(), key, definition.getVersion(), businessKey);
    }

    /** The start event's Camunda Form, null when it has none (the engine refuses to hand one out: a 404 or 400 of its own). */
    private FormSchema startForm(ProcessDefinition definition) {
        InputStream in;
        try {
            in = forms.getDeployedStartForm(definition.getId());
        } catch (BadUserRequestException e) {
            return null;
        }
        try (in) {
            return FormSchema.of(json.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("The start form of " + definition.getKey() + " cannot be read", e);
        }
    }
}
