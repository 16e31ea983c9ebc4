package io.salesflow.activity.web;

import io.salesflow.activity.Activities;
import io.salesflow.records.web.RecordController;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Activities over HTTP, with the record API every type shares (docs/api.md). */
@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "Activities")
class ActivityController extends RecordController {

    ActivityController(Activities activities) {
        super(activities);
    }
}
