package io.salesflow.contact.web;

import io.salesflow.contact.Contacts;
import io.salesflow.records.web.RecordController;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Contacts over HTTP, with the record API every type shares (docs/api.md). */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts")
class ContactController extends RecordController {

    ContactController(Contacts contacts) {
        super(contacts);
    }
}
