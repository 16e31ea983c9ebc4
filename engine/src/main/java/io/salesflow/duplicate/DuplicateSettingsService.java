package io.salesflow.duplicate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.audit.AuditLog;
import io.salesflow.platform.problem.PreconditionFailed;
import io.salesflow.platform.web.ETags;
import io.salesflow.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and replacing the tenant's duplicate settings ({@code tenant:manage}, checked by the controller). */
@Service
public class DuplicateSettingsService {

    private final DuplicateSettingsRepository settings;
    private final AuditLog audit;

    DuplicateSettingsService(DuplicateSettingsRepository settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public DuplicateSettings get() {
        return settings.current();
    }

    /**
     * Replaces the settings. The row stays locked from reading it to writing it, so that of two changes made with
     * the same ETag the second one fails the check; when there was no row yet, saving only if the version is still
     * the one read does the same.
     */
    @Transactional
    public DuplicateSettings replace(ObjectNode body, String ifMatch) {
        DuplicateSettings before = settings.lockCurrent();
        ETags.check(ifMatch, before.version());
        DuplicateSettings after = DuplicateSettingsInput.read(body);
        long version = settings.save(TenantContext.require(), after, before.version())
                .orElseThrow(
                        () -> new PreconditionFailed(ETags.of(settings.current().version())));
        DuplicateSettings saved = after.withVersion(version);
        audit.record("duplicate_settings.changed", "duplicate_settings", TenantContext.require(), before, saved);
        return saved;
    }
}
