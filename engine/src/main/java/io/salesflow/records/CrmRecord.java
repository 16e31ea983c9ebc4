package io.salesflow.records;

import io.salesflow.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What every CRM record has beyond its tenant: an owner, an optional team, tags, and a deletion mark that
 * can be taken back within the restore window. Subclasses say what their fields are in {@link #snapshot()}.
 */
@MappedSuperclass
public abstract class CrmRecord extends TenantEntity {

    @Column(name = "owner_id", nullable = false)
    private UUID ownerId;

    @Column(name = "team_id")
    private UUID teamId;

    @Column(nullable = false)
    private String[] tags = new String[0];

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected CrmRecord() {}

    protected CrmRecord(UUID tenantId, UUID ownerId) {
        super(tenantId);
        this.ownerId = ownerId;
    }

    /** The record's fields as the API and the field history name them (owner, team, tags and deletion included). */
    public abstract Map<String, Object> snapshot();

    /** Adds the shared fields to a subclass's snapshot. */
    protected Map<String, Object> withCommonFields(Map<String, Object> snapshot) {
        snapshot.put("ownerId", ownerId);
        snapshot.put("teamId", teamId);
        snapshot.put("tags", List.of(tags));
        snapshot.put("deletedAt", deletedAt);
        return snapshot;
    }

    void markDeleted(Instant at) {
        deletedAt = at;
        changed();
    }

    void unmarkDeleted() {
        deletedAt = null;
        changed();
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public UUID getTeamId() {
        return teamId;
    }

    public List<String> getTags() {
        return Arrays.asList(tags);
    }

    void assignOwner(UUID ownerId) {
        this.ownerId = ownerId;
    }

    void assignTeam(UUID teamId) {
        this.teamId = teamId;
    }

    /** Tags are kept trimmed, lower-case, unique and sorted. */
    public void setTags(List<String> tags) {
        this.tags = tags.stream()
                .map(t -> t.trim().toLowerCase(Locale.ROOT))
                .distinct()
                .sorted()
                .toArray(String[]::new);
    }
}
