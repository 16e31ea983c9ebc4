package io.salesflow.payment.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.payment.FinanceFigures;
import io.salesflow.payment.PaymentMilestone;
import io.salesflow.payment.PaymentPlans;
import io.salesflow.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finance's view of payment milestones: figures, lists by state, payments recorded by hand, manual release. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Payments")
@Validated
class PaymentMilestoneController {

    private final PaymentPlans plans;

    PaymentMilestoneController(PaymentPlans plans) {
        this.plans = plans;
    }

    @GetMapping("/payment-milestones")
    @PreAuthorize("hasAuthority('invoices:read')")
    @Operation(
            summary = "Milestones overdue, awaiting payment or paid, by due date, optionally of one deal or currency")
    CursorPage<PaymentMilestone> list(
            @RequestParam(defaultValue = "overdue") String state,
            @RequestParam(required = false) UUID dealId,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return plans.list(state, dealId, currency, cursor, limit);
    }

    @GetMapping("/finance/figures")
    @PreAuthorize("hasAuthority('invoices:read')")
    @Operation(summary = "Open, overdue and paid milestones: count and amount per currency, of one deal or all")
    FinanceFigures figures(
            @RequestParam(required = false) UUID dealId, @RequestParam(required = false) String currency) {
        return plans.figures(dealId, currency);
    }

    @PostMapping("/payment-milestones/{id}/payments")
    @PreAuthorize("hasAuthority('invoices:write')")
    @Operation(
            summary = "Record a payment received outside Salesflow; the milestone's process records it",
            description = "amount (positive, at most what remains), reference (optional, recorded once). 409 when the"
                    + " milestone is not invoiced, already paid or written off.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = PaymentInput.class))))
    PaymentMilestone pay(@PathVariable UUID id, @RequestBody(required = false) JsonNode body) {
        return plans.recordPayment(id, body);
    }

    @PostMapping("/payment-milestones/{id}/release")
    @PreAuthorize("hasAnyAuthority('invoices:write', 'deals:write')")
    @Operation(summary = "Invoice a milestone that waits to be released by hand")
    PaymentMilestone release(@PathVariable UUID id) {
        return plans.release(id);
    }

    /** A payment received by hand. */
    record PaymentInput(BigDecimal amount, String reference) {}
}
