package io.salesflow.process.task;

import io.salesflow.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
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

/** The approval inbox of managers, finance and the head of sales ({@code deals:approve}). */
@RestController
@RequestMapping("/api/v1/approvals")
@Validated
@Tag(name = "Approvals")
@PreAuthorize("hasAuthority('deals:approve') and hasAuthority('tasks:work')")
class ApprovalController {

    private final Approvals approvals;

    ApprovalController(Approvals approvals) {
        this.approvals = approvals;
    }

    @GetMapping
    @Operation(summary = "Deals waiting for my approval, with their key figures and the rule that asked for it")
    CursorPage<ApprovalView> pending(
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return approvals.pending(cursor, limit);
    }

    record Decision(String reason) {}

    @PostMapping("/{taskId}/approve")
    @ApiResponse(responseCode = "204", description = "Decided")
    @ApiResponse(responseCode = "409", description = "Someone else has the approval, or it was decided meanwhile")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void approve(@PathVariable String taskId, @RequestBody(required = false) Decision decision) {
        approvals.decide(taskId, "approve", decision == null ? null : decision.reason());
    }

    @PostMapping("/{taskId}/reject")
    @ApiResponse(responseCode = "204", description = "Decided")
    @ApiResponse(responseCode = "409", description = "Someone else has the approval, or it was decided meanwhile")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Reject with a reason (required): the deal returns to its previous stage")
    void reject(@PathVariable String taskId, @RequestBody(required = false) Decision decision) {
        approvals.decide(taskId, "reject", decision == null ? null : decision.reason());
    }

    record Bulk(List<String> taskIds, String reason) {}

    /** How one approval of a bulk approve went: status 204 when decided, else the problem's status and detail. */
    record BulkOutcome(String taskId, int status, String detail) {}

    @PostMapping("/approve")
    @ApiResponse(
            responseCode = "200",
            description = "Each approval with its outcome",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            array =
                                    @io.swagger.v3.oas.annotations.media.ArraySchema(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = BulkOutcome.class))))
    @Operation(summary = "Approve several at once; each is decided on its own and reported with its status")
    List<Map<String, Object>> approveAll(@RequestBody Bulk bulk) {
        return approvals.approveAll(bulk.taskIds(), bulk.reason());
    }
}
