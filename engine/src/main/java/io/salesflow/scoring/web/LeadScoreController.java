package io.salesflow.scoring.web;

import io.salesflow.engagement.LeadEngaged;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.scoring.Engagements;
import io.salesflow.scoring.LeadScoreReads;
import io.salesflow.scoring.LeadScoreViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A lead's score, why, and how it changed; its engagements. Access follows the lead's. */
@RestController
@RequestMapping("/api/v1/leads/{id}")
@Tag(name = "Lead scoring")
@Validated
class LeadScoreController {

    private final LeadScoreReads scores;
    private final Engagements engagements;

    LeadScoreController(LeadScoreReads scores, Engagements engagements) {
        this.scores = scores;
        this.engagements = engagements;
    }

    record EngagementRequest(String type, String occurredAt, String detail, String reference) {}

    @GetMapping("/score")
    @Operation(summary = "The lead's score, band and the rules that fired with their points")
    LeadScoreViews.Score score(@PathVariable UUID id) {
        return scores.score(id);
    }

    @GetMapping("/score-history")
    @Operation(summary = "Every change of the lead's score, newest first, with reason and rule set version")
    CursorPage<LeadScoreViews.Change> history(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return scores.history(id, cursor, limit);
    }

    @PostMapping("/rescore")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The workspace has no active scoring rule set")
    @Operation(summary = "Score the lead again now with the active rules (reason manual)")
    LeadScoreViews.Score rescore(@PathVariable UUID id) {
        return scores.rescore(id);
    }

    @PostMapping("/engagements")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Report an engagement {type, occurredAt, detail, reference}; it is stored and the lead rescored"
                    + " in the background")
    LeadScoreViews.Engagement engage(@PathVariable UUID id, @RequestBody EngagementRequest request) {
        LeadEngaged e =
                engagements.report(id, request.type(), request.occurredAt(), request.detail(), request.reference());
        return new LeadScoreViews.Engagement(
                e.engagementId(), e.leadId(), e.type().code(), e.occurredAt(), e.detail(), e.source(), e.reference());
    }
}
