package io.salesflow.lead.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.lead.LeadConversion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Converting a qualified lead into a contact, an account and optionally a deal. */
@RestController
@Tag(name = "Leads")
class LeadConversionController {

    private final LeadConversion conversion;

    LeadConversionController(LeadConversion conversion) {
        this.conversion = conversion;
    }

    @PostMapping("/api/v1/leads/{id}/convert")
    @Operation(summary = "Convert: {accountId | account:{…}, contactId | contact:{…}, deal:{…}}; all or nothing")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            implementation = LeadConversionInput.class)))
    LeadConversion.ConvertedLead convert(
            @PathVariable UUID id,
            @RequestBody ObjectNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return conversion.convert(id, body, ifMatch);
    }

    /** Existing records by id, or new ones by their fields (as in their create bodies); the deal is optional. */
    record LeadConversionInput(
            UUID accountId,
            java.util.Map<String, Object> account,
            UUID contactId,
            java.util.Map<String, Object> contact,
            java.util.Map<String, Object> deal) {}
}
