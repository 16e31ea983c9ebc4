package io.salesflow.scoring;

import java.time.Instant;
import java.util.UUID;

/** A rule set as stored: its number, name, content and where it is in its life (draft, active, retired). */
record StoredRuleSet(
        UUID id,
        int version,
        String name,
        RuleSetDefinition definition,
        String status,
        long revision,
        UUID createdBy,
        Instant createdAt,
        Instant updatedAt,
        UUID activatedBy,
        Instant activatedAt,
        Instant retiredAt) {

    static final String DRAFT = "draft";
    static final String ACTIVE = "active";
    static final String RETIRED = "retired";

    boolean isDraft() {
        return DRAFT.equals(status);
    }

    boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** What the audit log keeps of it. */
    java.util.Map<String, Object> snapshot() {
        java.util.Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("version", version);
        s.put("name", name);
        s.put("kind", definition.kind().code());
        s.put("status", status);
        s.put("hot", definition.thresholds().hot());
        s.put("warm", definition.thresholds().warm());
        s.put(
                "rules",
                definition.kind() == RuleSetDefinition.Kind.DATA
                        ? definition.rules().size()
                        : null);
        return s;
    }
}
