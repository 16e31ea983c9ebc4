package io.salesflow.deal;

import io.salesflow.platform.problem.Problem;
import io.salesflow.tenancy.TenantEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.hibernate.annotations.OptimisticLock;

/**
 * A sales process of the tenant: stages in order, at least one open, one closed-won and one closed-lost, so
 * that every deal always has somewhere to be, to be won and to be lost.
 */
@Entity
@Table(name = "pipelines")
class Pipeline extends TenantEntity {

    @Column(nullable = false)
    private String name;

    @Column(name = "is_default", nullable = false)
    private boolean defaultPipeline;

    @Column(nullable = false)
    private boolean archived;

    @Column(name = "won_requires_signature", nullable = false)
    private boolean wonRequiresSignature;

    @OptimisticLock(excluded = true)
    @OneToMany(mappedBy = "pipeline", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position")
    private List<PipelineStage> stages = new ArrayList<>();

    protected Pipeline() {}

    Pipeline(UUID tenantId, String name) {
        super(tenantId);
        this.name = name.trim();
    }

    void rename(String name) {
        this.name = name.trim();
    }

    void archive(boolean archived) {
        if (archived && defaultPipeline) {
            throw Problem.invalid("archived", "the default pipeline cannot be archived; make another one the default");
        }
        this.archived = archived;
    }

    void requireSignatureToWin(boolean required) {
        wonRequiresSignature = required;
    }

    boolean wonRequiresSignature() {
        return wonRequiresSignature;
    }

    void makeDefault(boolean isDefault) {
        if (isDefault && archived) {
            throw Problem.invalid("isDefault", "an archived pipeline cannot be the default");
        }
        defaultPipeline = isDefault;
    }

    /**
     * Replaces the stages with {@code definitions}, in their order. A stage named by id stays that stage, with its
     * deals; a stage left out goes, unless deals are in it ({@code stagesInUse}).
     */
    void defineStages(List<PipelineDefinition.Stage> definitions, Set<UUID> stagesInUse) {
        Map<UUID, PipelineStage> current = new HashMap<>();
        stages.forEach(s -> current.put(s.getId(), s));
        Set<String> names = new HashSet<>();
        List<PipelineStage> next = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            PipelineDefinition.Stage d = definitions.get(i);
            String field = "stages[" + i + "]";
            if (d.won() && !d.closed()) {
                throw Problem.invalid(field + ".won", "a won stage must also be closed");
            }
            if (Boolean.TRUE.equals(d.requiresApproval()) && d.closed()) {
                throw Problem.invalid(field + ".requiresApproval", "only an open stage can require an approval");
            }
            if (!names.add(d.name().trim().toLowerCase(Locale.ROOT))) {
                throw Problem.invalid(field + ".name", "another stage of this pipeline has that name");
            }
            PipelineStage stage = d.id() == null ? new PipelineStage(this) : current.remove(d.id());
            if (stage == null) {
                throw Problem.invalid(field + ".id", "is not a stage of this pipeline, or appears twice");
            }
            boolean requiresApproval =
                    d.requiresApproval() != null ? d.requiresApproval() : stage.requiresApproval() && !d.closed();
            stage.define(d.name().trim(), i, d.probability(), d.closed(), d.won(), requiresApproval);
            next.add(stage);
        }
        require(next, PipelineStage::isOpen, "needs at least one open stage");
        require(next, PipelineStage::isWon, "needs a closed-won stage");
        require(next, PipelineStage::isLost, "needs a closed-lost stage");
        for (int i = 0; i < stages.size(); i++) {
            PipelineStage removed = stages.get(i);
            if (current.containsKey(removed.getId()) && stagesInUse.contains(removed.getId())) {
                throw Problem.conflict("Deals are in stage '" + removed.getName()
                                + "' (deleted ones too, until they are purged); move them before removing it")
                        .with("field", "stages[" + i + "]");
            }
        }
        stages.clear();
        stages.addAll(next);
        changed();
    }

    private static void require(List<PipelineStage> stages, Predicate<PipelineStage> kind, String message) {
        if (stages.stream().noneMatch(kind)) {
            throw Problem.invalid("stages", message);
        }
    }

    List<PipelineStage> stages() {
        return List.copyOf(stages);
    }

    Optional<PipelineStage> stage(UUID id) {
        return stages.stream().filter(s -> s.getId().equals(id)).findFirst();
    }

    /** Where a deal of {@code status} goes in this pipeline when no stage is named: the first that fits. */
    PipelineStage firstStageFor(DealStatus status) {
        return stages.stream().filter(s -> s.admits(status)).findFirst().orElseThrow();
    }

    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("isDefault", defaultPipeline);
        s.put("archived", archived);
        s.put("stages", stages.stream().map(PipelineStage::snapshot).toList());
        return s;
    }

    PipelineView view() {
        return new PipelineView(
                getId(),
                name,
                defaultPipeline,
                archived,
                stages.stream()
                        .map(s -> new PipelineView.Stage(
                                s.getId(),
                                s.getName(),
                                s.getProbability(),
                                s.isClosed(),
                                s.isWon(),
                                s.requiresApproval()))
                        .toList(),
                wonRequiresSignature,
                getVersion());
    }

    String getName() {
        return name;
    }

    boolean isDefault() {
        return defaultPipeline;
    }

    boolean isArchived() {
        return archived;
    }
}
