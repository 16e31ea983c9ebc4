package io.salesflow.deal.web;

import io.salesflow.deal.Deals;
import io.salesflow.records.web.RecordController;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Deals over HTTP, with the record API every type shares (docs/api.md). */
@RestController
@RequestMapping("/api/v1/deals")
@Tag(name = "Deals")
class DealController extends RecordController {

    DealController(Deals deals) {
        super(deals);
    }
}
