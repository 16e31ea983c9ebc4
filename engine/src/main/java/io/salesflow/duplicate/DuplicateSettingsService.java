package io.salesflow.duplicate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.audit.AuditLog;
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

    @Transactional
    public DuplicateSettings replace(ObjectNode body, String ifMatch) {
        DuplicateSettings before = settings.current();
        ETags.check(ifMatch, before.version());
        DuplicateSettings after = DuplicateSettingsInput.read(body);
        long version = settings.save(TenantContext.require(), after);
        DuplicateSettings saved = after.withVersion(version);
        audit.record("duplicate_settings.changed", "duplicate_settings", TenantContext.require(), before, saved);
        return saved;
    }
}
