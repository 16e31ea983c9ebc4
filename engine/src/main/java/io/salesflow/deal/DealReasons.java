package io.salesflow.deal;

import io.salesflow.audit.AuditLog;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.ETags;
import io.salesflow.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's lists of why deals are won and lost; a reason in use is retired ({@code active: false}). */
@Service
public class DealReasons {

    private final DealReasonRepository reasons;
    private final AuditLog audit;

    DealReasons(DealReasonRepository reasons, AuditLog audit) {
        this.reasons = reasons;
        this.audit = audit;
    }

    /** Won reasons first, then lost, each in their order; {@code kind} null lists both. */
    @Transactional(readOnly = true)
    public List<DealReasonView> list(ReasonKind kind) {
        return reasons.listed().stream()
                .filter(r -> kind == null || r.kind() == kind)
                .map(DealReason::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public DealReasonView get(UUID id) {
        return find(id).view();
    }

    @Transactional
    public DealReasonView create(ReasonDefinition definition) {
        checkLabelFree(definition, null);
        int position = definition.position() != null
                ? definition.position()
                : reasons.nextPosition(definition.kind().name());
        DealReason reason = new DealReason(
                TenantContext.require(),
                definition.kind(),
                definition.label(),
                !Boolean.FALSE.equals(definition.active()),
                position);
        DealReason saved = reasons.saveAndFlush(reason);
        audit.record("dealreason.created", "deal_reason", saved.getId(), null, saved.snapshot());
        return saved.view();
    }

    @Transactional
    public DealReasonView change(UUID id, ReasonDefinition definition, String ifMatch) {
        DealReason reason = find(id);
        ETags.check(ifMatch, reason.getVersion());
        if (definition.kind() != reason.kind()) {
            throw Problem.invalid("kind", "a reason's kind cannot change; add a reason of the other kind instead");
        }
        checkLabelFree(definition, id);
        Map<String, Object> before = reason.snapshot();
        reason.change(
                definition.label(),
                definition.active() == null ? reason.isActive() : definition.active(),
                definition.position() == null ? reason.getPosition() : definition.position());
        reasons.saveAndFlush(reason);
        audit.record("dealreason.changed", "deal_reason", id, before, reason.snapshot());
        return reason.view();
    }

    private DealReason find(UUID id) {
        return reasons.findById(id).orElseThrow(() -> Problem.notFound("Deal reason", id));
    }

    private void checkLabelFree(ReasonDefinition definition, UUID self) {
        reasons.findByKindAndLabelIgnoreCase(
                        definition.kind().name(), definition.label().trim())
                .filter(r -> !r.getId().equals(self))
                .ifPresent(r -> {
                    throw new Problem(
                                    409,
                                    "duplicate",
                                    "Conflict",
                                    "A " + definition.kind() + " reason '" + definition.label() + "' already exists")
                            .with("field", "label");
                });
    }
}
