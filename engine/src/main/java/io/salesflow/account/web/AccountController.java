package io.salesflow.account.web;

import io.salesflow.account.Accounts;
import io.salesflow.records.web.RecordController;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Accounts over HTTP, with the record API every type shares (docs/api.md). */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts")
class AccountController extends RecordController {

    AccountController(Accounts accounts) {
        super(accounts);
    }
}
