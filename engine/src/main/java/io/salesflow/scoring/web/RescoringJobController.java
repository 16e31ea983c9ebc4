package io.salesflow.scoring.web;

import io.salesflow.platform.web.CursorPage;
import io.salesflow.scoring.RescoringJobView;
import io.salesflow.scoring.RescoringJobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The jobs that rescore every lead after an activation, with their progress. */
@RestController
@RequestMapping("/api/v1/scoring/rescoring-jobs")
@Tag(name = "Lead scoring")
@Validated
@PreAuthorize("hasAuthority('rules:manage')")
class RescoringJobController {

    private final RescoringJobs jobs;

    RescoringJobController(RescoringJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping
    @Operation(summary = "Rescoring jobs, newest first")
    CursorPage<RescoringJobView> list(
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        return jobs.list(cursor, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A rescoring job: status, total, processed, changed")
    RescoringJobView get(@PathVariable UUID id) {
        return jobs.get(id);
    }
}
