package io.salesflow.deal;

import io.salesflow.platform.problem.Problem;
import io.salesflow.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the tenant's list of why deals are won or lost. Reasons are retired, never removed: closed
 * deals keep pointing at them.
 */
@Entity
@Table(name = "deal_reasons")
class DealReason extends TenantEntity {

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false)
    private String label;

    @Column(nullable = false)
    private boolean active = true;

    @Column(nullable = false)
    private int position;

    protected DealReason() {}

    DealReason(UUID tenantId, ReasonKind kind, String label, boolean active, int position) {
        super(tenantId);
        this.kind = kind.name();
        this.label = label.trim();
        this.active = active;
        this.position = position;
    }

    void change(String label, boolean active, int position) {
        this.label = label.trim();
        this.active = active;
        this.position = position;
    }

    /**
     * This reason's id as a deal's {@code field} explaining an outcome of {@code kind}. A retired reason stays
     * on the deals that have it, but is not given anew.
     */
    UUID explain(String field, ReasonKind kind, UUID current) {
        if (kind() != kind) {
            throw Problem.invalid(
                    field, "'" + label + "' is a reason for " + kind().name().toLowerCase(Locale.ROOT) + " deals");
        }
        if (!active && !getId().equals(current)) {
            throw Problem.invalid(field, "'" + label + "' is no longer in use");
        }
        return getId();
    }

    ReasonKind kind() {
        return ReasonKind.valueOf(kind);
    }

    boolean isActive() {
        return active;
    }

    int getPosition() {
        return position;
    }

    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", kind);
        s.put("label", label);
        s.put("active", active);
        s.put("position", position);
        return s;
    }

    DealReasonView view() {
        return new DealReasonView(getId(), kind(), label, active, position, getVersion());
    }
}
