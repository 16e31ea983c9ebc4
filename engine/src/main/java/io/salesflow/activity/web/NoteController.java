package io.salesflow.activity.web;

import io.salesflow.activity.Notes;
import io.salesflow.records.web.RecordController;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Notes over HTTP, with the record API every type shares (docs/api.md). */
@RestController
@RequestMapping("/api/v1/notes")
@Tag(name = "Notes")
class NoteController extends RecordController {

    NoteController(Notes notes) {
        super(notes);
    }
}
