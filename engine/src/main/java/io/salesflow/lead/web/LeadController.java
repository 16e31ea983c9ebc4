package io.salesflow.lead.web;

import io.salesflow.lead.Leads;
import io.salesflow.records.web.RecordController;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Leads over HTTP, with the record API every type shares (docs/api.md). */
@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads")
class LeadController extends RecordController {

    LeadController(Leads leads) {
        super(leads);
    }
}
