package io.salesflow.process.admin;

import io.salesflow.platform.web.CursorPage;
import io.salesflow.process.admin.ProcessInstances.ProcessInstanceDetail;
import io.salesflow.process.admin.ProcessInstances.ProcessInstanceView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's process instances, for ops ({@code process:operate}): list, look into, suspend, resume, cancel. */
@RestController
@RequestMapping("/api/v1/process-instances")
@Validated
@Tag(name = "Processes")
@PreAuthorize("hasAuthority('process:operate')")
class ProcessInstanceController {

    private final ProcessInstances instances;

    ProcessInstanceController(ProcessInstances instances) {
        this.instances = instances;
    }

    @GetMapping
    @Operation(
            summary = "Running and suspended instances, newest first; filter by process (key, version or definition"
                    + " id), business key, state (running, suspended) and open incidents")
    CursorPage<ProcessInstanceView> list(
            @RequestParam(required = false) String processKey,
            @RequestParam(required = false) @Min(1) Integer version,
            @RequestParam(required = false) String definitionId,
            @RequestParam(required = false) String businessKey,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Boolean withIncidents,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return instances.list(
                new ProcessInstances.Filter(processKey, version, definitionId, businessKey, state, withIncidents),
                cursor,
                limit);
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One instance, running or ended: its activities (oldest first), open incidents and variables"
                    + " (plain values; binary data and serialized objects show their type only)")
    ProcessInstanceDetail get(@PathVariable String id) {
        return instances.get(id);
    }

    @PostMapping("/{id}/suspend")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The instance has ended, or changed at the same moment")
    @Operation(summary = "Suspend the instance: nothing of it runs until it is resumed (audited)")
    ProcessInstanceView suspend(@PathVariable String id) {
        return instances.suspend(id);
    }

    @PostMapping("/{id}/resume")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The instance has ended, or changed at the same moment")
    @Operation(summary = "Resume a suspended instance (audited)")
    ProcessInstanceView resume(@PathVariable String id) {
        return instances.resume(id);
    }

    /** Why an instance is cancelled: required, at most 500 characters. */
    record CancelRequest(String reason) {}

    @PostMapping("/{id}/cancel")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "204", description = "Cancelled")
    @ApiResponse(responseCode = "409", description = "The instance has ended, or changed at the same moment")
    @Operation(
            summary = "Cancel the instance where it stands, with a reason: {\"reason\": \"…\"}",
            description = "The reason (required, at most 500 characters) is kept in the instance's history and in"
                    + " the audit log.")
    void cancel(@PathVariable String id, @RequestBody(required = false) CancelRequest request) {
        instances.cancel(id, request == null ? null : request.reason());
    }
}
