package io.salesflow.process.admin;

import io.salesflow.platform.web.CursorPage;
import io.salesflow.process.admin.Incidents.OpenIncident;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's open incidents, and retrying the job behind one ({@code process:operate}). */
@RestController
@RequestMapping("/api/v1/incidents")
@Validated
@Tag(name = "Processes")
@PreAuthorize("hasAuthority('process:operate')")
class IncidentController {

    private final Incidents incidents;

    IncidentController(Incidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping
    @Operation(summary = "Open incidents, newest first; of one instance or one process (key) when asked")
    CursorPage<OpenIncident> list(
            @RequestParam(required = false) String processInstanceId,
            @RequestParam(required = false) String processKey,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return incidents.list(processInstanceId, processKey, cursor, limit);
    }

    @PostMapping("/{id}/retry")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "The incident is not of a failed job or external task, or changed at the same moment")
    @Operation(
            summary = "Retry the failed job (or external task) of the incident: one retry, due now (audited)",
            description = "The job executor runs the job again, an external task is fetched again by its worker;"
                    + " the incident is resolved, and a new one opens should it fail again.")
    Incidents.IncidentRetry retry(@PathVariable String id) {
        return incidents.retry(id);
    }
}
