package io.salesflow.process.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A process task as the API shows it, with the CRM record it is about.
 *
 * @param owner who delegated the task and gets it back once the delegate resolves it; null unless delegated
 * @param delegation {@code pending} while a delegate works on it, {@code resolved} once they did, else null
 * @param form the task's Camunda Form (form-js JSON) on the single-task read; null in lists
 */
public record TaskView(
        String id,
        String name,
        String processKey,
        String processName,
        String processInstanceId,
        String activityId,
        UUID assignee,
        UUID owner,
        String delegation,
        Instant created,
        Instant due,
        Instant followUp,
        int priority,
        TaskRecord record,
        String formId,
        JsonNode form) {

    /**
     * The CRM record a task is about: {@code lead}, {@code deal}, … its id, and what it is called (a lead's name and
     * company, the name of the others); the title is null when the caller may not read the record or it is gone.
     */
    public record TaskRecord(String type, UUID id, String title) {}

    TaskView withForm(JsonNode form) {
        return new TaskView(
                id,
                name,
                processKey,
                processName,
                processInstanceId,
                activityId,
                assignee,
                owner,
                delegation,
                created,
                due,
                followUp,
                priority,
                record,
                formId,
                form);
    }
}
