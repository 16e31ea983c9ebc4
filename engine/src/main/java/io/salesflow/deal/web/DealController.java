package io.salesflow.deal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.deal.DealApprovalView;
import io.salesflow.deal.DealApprovals;
import io.salesflow.deal.DealContacts;
import io.salesflow.deal.DealLineItems;
import io.salesflow.deal.Deals;
import io.salesflow.records.web.RecordController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Deals over HTTP, with the record API every type shares (docs/api.md). */
@RestController
@RequestMapping("/api/v1/deals")
@Tag(name = "Deals")
class DealController extends RecordController {

    private final DealContacts contacts;
    private final DealApprovals approvals;
    private final DealLineItems lineItems;

    DealController(Deals deals, DealContacts contacts, DealApprovals approvals, DealLineItems lineItems) {
        super(deals);
        this.contacts = contacts;
        this.approvals = approvals;
        this.lineItems = lineItems;
    }

    @Override
    @PatchMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "The deal's approval holds the move back (approval-pending, approval-rejected,"
                    + " approval-outdated: the figures differ from those approved; approvalId names it), or a win"
                    + " waits for a signed contract (signature-required)")
    @Operation(
            summary = "Change fields (JSON merge patch: null clears a field); send If-Match with the ETag. A deal"
                    + " waiting for an approval moves on or is won only once approved for its figures")
    public ResponseEntity<Map<String, Object>> change(
            @PathVariable UUID id,
            @RequestBody ObjectNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return super.change(id, body, ifMatch);
    }

    @GetMapping("/{id}/approvals")
    @Operation(
            summary = "The deal's approval requests, newest first: stage, figures, status, rule, reason and each"
                    + " approver's decision")
    List<DealApprovalView> approvals(@PathVariable UUID id) {
        return approvals.of(id);
    }

    @GetMapping("/{id}/contacts")
    @Operation(summary = "The deal's contacts and the role each plays")
    List<DealContacts.DealContact> contacts(@PathVariable UUID id) {
        return contacts.of(id);
    }

    @PutMapping("/{id}/contacts")
    @Operation(
            summary = "Replace the deal's contacts: [{contactId, role, primary}]; send If-Match with the deal's ETag")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            array =
                                    @io.swagger.v3.oas.annotations.media.ArraySchema(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = DealContactInput.class))))
    List<DealContacts.DealContact> replaceContacts(
            @PathVariable UUID id,
            @RequestBody JsonNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return contacts.replace(id, body, ifMatch);
    }

    @GetMapping("/{id}/line-items")
    @Operation(summary = "What the deal sells, line by line, with each line's total")
    List<DealLineItems.DealLineItem> lineItems(@PathVariable UUID id) {
        return lineItems.of(id);
    }

    @PutMapping("/{id}/line-items")
    @Operation(
            summary = "Replace the deal's line items: [{product, description, quantity, unitPrice,"
                    + " discountPercent}] (at most 200); send If-Match with the deal's ETag")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            array =
                                    @io.swagger.v3.oas.annotations.media.ArraySchema(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = DealLineItemInput.class))))
    List<DealLineItems.DealLineItem> replaceLineItems(
            @PathVariable UUID id,
            @RequestBody JsonNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return lineItems.replace(id, body, ifMatch);
    }

    /** One line of the deal: discountPercent defaults to 0. */
    record DealLineItemInput(
            String product,
            String description,
            java.math.BigDecimal quantity,
            java.math.BigDecimal unitPrice,
            java.math.BigDecimal discountPercent) {}

    /** One contact of the deal and the role it plays. */
    record DealContactInput(UUID contactId, String role, Boolean primary) {}
}
