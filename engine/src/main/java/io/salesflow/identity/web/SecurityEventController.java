package io.salesflow.identity.web;

import io.salesflow.identity.SecurityEventLog;
import io.salesflow.identity.SecurityEventView;
import io.salesflow.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Login attempts and other security events of the workspace. */
@RestController
@Tag(name = "Audit")
@Validated
class SecurityEventController {

    private final SecurityEventLog log;

    SecurityEventController(SecurityEventLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/security-events")
    @PreAuthorize("hasAuthority('audit:read')")
    @Operation(summary = "Security events, newest first, optionally of one user")
    CursorPage<SecurityEventView> list(
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) UUID userId) {
        List<SecurityEventView> fetched = log.page(CursorPage.decodeLong(cursor), userId, limit + 1);
        return CursorPage.of(fetched, limit, e -> Long.toString(e.id()));
    }
}
