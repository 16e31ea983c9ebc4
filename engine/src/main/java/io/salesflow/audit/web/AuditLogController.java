package io.salesflow.audit.web;

import io.salesflow.audit.AuditEntry;
import io.salesflow.audit.AuditTrail;
import io.salesflow.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, for auditors and admins. */
@RestController
@Tag(name = "Audit")
@Validated
class AuditLogController {

    private final AuditTrail trail;

    AuditLogController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/v1/audit-log")
    @PreAuthorize("hasAuthority('audit:read')")
    @Operation(summary = "Audit entries, newest first, optionally of one resource")
    CursorPage<AuditEntry> list(
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String resourceType,
            @RequestParam(required = false) String resourceId) {
        List<AuditEntry> fetched = trail.page(CursorPage.decodeLong(cursor), resourceType, resourceId, limit + 1);
        return CursorPage.of(fetched, limit, e -> Long.toString(e.id()));
    }
}
