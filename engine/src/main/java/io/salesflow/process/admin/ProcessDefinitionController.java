package io.salesflow.process.admin;

import io.salesflow.platform.web.CursorPage;
import io.salesflow.process.admin.ProcessDefinitions.DecisionDefinitionView;
import io.salesflow.process.admin.ProcessDefinitions.ModelXml;
import io.salesflow.process.admin.ProcessDefinitions.ProcessDefinitionView;
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

/**
 * The workspace's process and decision definitions ({@code process:design} or {@code process:operate} to read them),
 * the deployed forms, and suspending or resuming all instances of a version ({@code process:operate}).
 */
@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Processes")
class ProcessDefinitionController {

    private static final String READ = "hasAnyAuthority('process:design', 'process:operate')";

    private final ProcessDefinitions definitions;
    private final DeployedForms forms;

    ProcessDefinitionController(ProcessDefinitions definitions, DeployedForms forms) {
        this.definitions = definitions;
        this.forms = forms;
    }

    @GetMapping("/process-definitions")
    @PreAuthorize(READ)
    @Operation(
            summary = "The latest version of each process of the workspace, by key, with its running and suspended"
                    + " instances and open incidents")
    CursorPage<ProcessDefinitionView> latest(
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return definitions.latest(cursor, limit);
    }

    @GetMapping("/process-definitions/{key}/versions")
    @PreAuthorize(READ)
    @Operation(summary = "Every version of a process, newest first")
    CursorPage<ProcessDefinitionView> versions(
            @PathVariable String key,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return definitions.versions(key, cursor, limit);
    }

    @GetMapping("/process-definitions/{id}/xml")
    @PreAuthorize(READ)
    @Operation(summary = "The BPMN XML of a process version, for the modeler")
    ModelXml xml(@PathVariable String id) {
        return definitions.xml(id);
    }

    @PostMapping("/process-definitions/{id}/suspend")
    @PreAuthorize("hasAuthority('process:operate')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The instances changed at the same moment; try again")
    @Operation(
            summary = "Suspend every running instance of the version",
            description = "The version stays active: events keep starting new instances of it. Audited.")
    ProcessDefinitionView suspend(@PathVariable String id) {
        return definitions.suspendInstances(id);
    }

    @PostMapping("/process-definitions/{id}/resume")
    @PreAuthorize("hasAuthority('process:operate')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The instances changed at the same moment; try again")
    @Operation(summary = "Resume every suspended instance of the version (audited)")
    ProcessDefinitionView resume(@PathVariable String id) {
        return definitions.resumeInstances(id);
    }

    @GetMapping("/decision-definitions")
    @PreAuthorize(READ)
    @Operation(summary = "The latest version of each decision (DMN) of the workspace, by key")
    CursorPage<DecisionDefinitionView> decisions(
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return definitions.latestDecisions(cursor, limit);
    }

    @GetMapping("/decision-definitions/{key}/versions")
    @PreAuthorize(READ)
    @Operation(summary = "Every version of a decision, newest first")
    CursorPage<DecisionDefinitionView> decisionVersions(
            @PathVariable String key,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return definitions.decisionVersions(key, cursor, limit);
    }

    @GetMapping("/decision-definitions/{id}/xml")
    @PreAuthorize(READ)
    @Operation(summary = "The DMN XML of a decision version, for the modeler")
    ModelXml decisionXml(@PathVariable String id) {
        return definitions.decisionXml(id);
    }

    @GetMapping("/form-definitions")
    @PreAuthorize(READ)
    @Operation(summary = "The latest version of each deployed Camunda Form of the workspace, by key")
    CursorPage<DeployedForms.FormDefinitionView> forms(
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return forms.latest(cursor, limit);
    }

    @GetMapping("/form-definitions/{key}/versions")
    @PreAuthorize(READ)
    @Operation(summary = "Every deployed version of a form, newest first")
    CursorPage<DeployedForms.FormDefinitionView> formVersions(
            @PathVariable String key,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return forms.versions(key, cursor, limit);
    }

    @GetMapping("/form-definitions/{id}/json")
    @PreAuthorize(READ)
    @Operation(summary = "The JSON of a deployed form version, for the modeler")
    DeployedForms.FormDefinitionJson formJson(@PathVariable String id) {
        return forms.json(id);
    }
}
