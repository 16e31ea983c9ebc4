package io.salesflow.process.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Moving running instances to another version of their process ({@code process:operate}). */
@RestController
@Tag(name = "Processes")
@PreAuthorize("hasAuthority('process:operate')")
class ProcessMigrationController {

    private final ProcessMigrations migrations;

    ProcessMigrationController(ProcessMigrations migrations) {
        this.migrations = migrations;
    }

    @PostMapping("/api/v1/process-migrations")
    @ApiResponse(responseCode = "200", description = "Moved, or what would move (dryRun)", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "Some of the instances cannot move as they stand: nothing was moved (notMigratable says"
                    + " why), or they changed at the same moment")
    @ApiResponse(responseCode = "422", description = "The versions cannot be mapped as asked (planFailures)")
    @Operation(
            summary = "Migrate running instances to another version of their process, or see what would move",
            description = "Body: sourceDefinitionId, targetDefinitionId (same process), dryRun (required),"
                    + " instanceIds (default: every running instance of the source; at most 500), instructions"
                    + " ([{from, to}], in addition to the activities both versions have). A dry run answers which"
                    + " instances would move and which cannot, with reasons, and changes nothing; a real run moves"
                    + " all of them or none (audited).")
    ProcessMigrations.MigrationReport migrate(@RequestBody ProcessMigrations.MigrationRequest request) {
        return migrations.migrate(request);
    }
}
