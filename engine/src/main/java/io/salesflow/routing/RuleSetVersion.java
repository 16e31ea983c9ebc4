package io.salesflow.routing;

import io.salesflow.platform.problem.Problem;
import io.salesflow.rules.RuleSetJson;
import io.salesflow.rules.routing.RoutingRuleSet;
import io.salesflow.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a tenant's routing rules. A draft may change; activating it retires the version that was
 * active, which stays available for a rollback. Active and retired versions never change.
 */
@Entity
@Table(name = "routing_rule_sets")
class RuleSetVersion extends TenantEntity {

    enum Status {
        DRAFT,
        ACTIVE,
        RETIRED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Column(nullable = false, updatable = false)
    private int number;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String data;

    @Column(nullable = false)
    private String status = Status.DRAFT.code();

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    @Column(name = "activated_by")
    private UUID activatedBy;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected RuleSetVersion() {}

    RuleSetVersion(UUID tenantId, int number, RoutingRuleSet rules, UUID createdBy) {
        super(tenantId);
        this.number = number;
        this.createdBy = createdBy;
        this.data = json(rules);
    }

    /** The version name the rules carry and explanations quote: {@code v<number>}. */
    static String versionName(int number) {
        return "v" + number;
    }

    void change(RoutingRuleSet rules) {
        if (status() != Status.DRAFT) {
            throw Problem.conflict("Version " + number + " is " + status + "; only a draft changes. Create a new"
                    + " version instead");
        }
        this.data = json(rules);
        changed();
    }

    void activate(UUID by, Instant at) {
        status = Status.ACTIVE.code();
        activatedBy = by;
        activatedAt = at;
        retiredAt = null;
        changed();
    }

    void retire(Instant at) {
        status = Status.RETIRED.code();
        retiredAt = at;
        changed();
    }

    private String json(RoutingRuleSet rules) {
        return RuleSetJson.write(new RoutingRuleSet(versionName(number), rules.unassignedQueue(), rules.rules()));
    }

    RoutingRuleSet rules() {
        return RuleSetJson.read(data, RoutingRuleSet.class);
    }

    Status status() {
        return Status.valueOf(status.toUpperCase(Locale.ROOT));
    }

    int number() {
        return number;
    }

    UUID createdBy() {
        return createdBy;
    }

    UUID activatedBy() {
        return activatedBy;
    }

    Instant activatedAt() {
        return activatedAt;
    }

    Instant retiredAt() {
        return retiredAt;
    }

    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", number);
        s.put("status", status);
        s.put("rules", rules());
        return s;
    }
}
