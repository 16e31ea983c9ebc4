package io.salesflow.payment.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.payment.PaymentPlanView;
import io.salesflow.payment.PaymentPlans;
import io.salesflow.platform.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A deal's payment plan: read it, replace its milestones before it starts (If-Match), start it by hand. */
@RestController
@RequestMapping("/api/v1/deals/{id}/payment-plan")
@Tag(name = "Payments")
class PaymentPlanController {

    private final PaymentPlans plans;

    PaymentPlanController(PaymentPlans plans) {
        this.plans = plans;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('deals:read')")
    @Operation(summary = "The deal's payment plan (no milestones and ETag \"0\" while it has none)")
    ResponseEntity<PaymentPlanView> get(@PathVariable("id") UUID dealId) {
        return respond(plans.get(dealId));
    }

    @PutMapping
    @PreAuthorize("hasAnyAuthority('invoices:write', 'deals:write')")
    @Operation(
            summary = "Replace the plan's milestones (before the plan starts); send If-Match with the ETag",
            description = "Each milestone: name, amount (positive, two decimals at most, in the deal's currency),"
                    + " trigger (on_date with invoiceOn, on_deal_won, by_hand), netDays (days to pay, default 14)."
                    + " The plan may total more or less than the deal: difference says by how much.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = PaymentPlanInput.class))))
    ResponseEntity<PaymentPlanView> replace(
            @PathVariable("id") UUID dealId,
            @RequestBody JsonNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return respond(plans.replace(dealId, body, ifMatch));
    }

    @PostMapping("/start")
    @PreAuthorize("hasAnyAuthority('invoices:write', 'deals:write')")
    @Operation(summary = "Start the plan now (a won deal starts it by itself); its milestones are invoiced in turn")
    ResponseEntity<PaymentPlanView> start(
            @PathVariable("id") UUID dealId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return respond(plans.start(dealId, ifMatch));
    }

    private static ResponseEntity<PaymentPlanView> respond(PaymentPlans.Versioned plan) {
        return ResponseEntity.ok().eTag(ETags.of(plan.version())).body(plan.plan());
    }

    /** The milestones of a plan, in order. */
    record PaymentPlanInput(List<PaymentMilestoneInput> milestones) {}

    /** One milestone: invoiceOn (a date) only with trigger on_date. */
    record PaymentMilestoneInput(
            String name, BigDecimal amount, String currency, String trigger, String invoiceOn, Integer netDays) {}
}
