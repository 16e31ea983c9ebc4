package io.salesflow.deal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.deal.DealContacts;
import io.salesflow.deal.Deals;
import io.salesflow.records.web.RecordController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
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

    DealController(Deals deals, DealContacts contacts) {
        super(deals);
        this.contacts = contacts;
    }

    @GetMapping("/{id}/contacts")
    @Operation(summary = "The deal's contacts and the role each plays")
    List<DealContacts.DealContact> contacts(@PathVariable UUID id) {
        return contacts.of(id);
    }

    @PutMapping("/{id}/contacts")
    @Operation(
            summary = "Replace the deal's contacts: [{contactId, role, primary}]; send If-Match with the deal's ETag")
    List<DealContacts.DealContact> replaceContacts(
            @PathVariable UUID id,
            @RequestBody JsonNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return contacts.replace(id, body, ifMatch);
    }
}
