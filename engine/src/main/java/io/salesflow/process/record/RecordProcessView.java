package io.salesflow.process.record;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A process that runs or ran on a record: where it stands, the tasks open in it and the incidents that hold it.
 *
 * @param state {@code running}, {@code suspended}, {@code completed} or {@code cancelled}
 */
public record RecordProcessView(
        String id,
        String processKey,
        String processName,
        int version,
        String state,
        Instant startedAt,
        Instant endedAt,
        List<Activity> currentActivities,
        List<OpenTask> openTasks,
        List<IncidentView> incidents) {

    @Schema(name = "ProcessActivity", description = "An activity the instance is at now")
    public record Activity(String id, String name) {}

    public record OpenTask(String id, String name, UUID assignee, Instant due) {}

    public record IncidentView(String id, String activityId, String type, String message, Instant at) {}
}
