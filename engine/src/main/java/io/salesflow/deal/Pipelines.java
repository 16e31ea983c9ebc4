package io.salesflow.deal;

import io.salesflow.audit.AuditLog;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.ETags;
import io.salesflow.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's pipelines. There is always exactly one default, where new deals start; a pipeline that deals
 * still use is archived rather than deleted.
 */
@Service
public class Pipelines {

    private final PipelineRepository pipelines;
    private final DealRepository deals;
    private final AuditLog audit;

    Pipelines(PipelineRepository pipelines, DealRepository deals, AuditLog audit) {
        this.pipelines = pipelines;
        this.deals = deals;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<PipelineView> list() {
        return pipelines.findAllByOrderByName().stream().map(Pipeline::view).toList();
    }

    @Transactional(readOnly = true)
    public PipelineView get(UUID id) {
        return find(id).view();
    }

    @Transactional
    public PipelineView create(PipelineDefinition definition) {
        checkNameFree(definition.name(), null);
        Pipeline pipeline = new Pipeline(TenantContext.require(), definition.name());
        pipeline.defineStages(definition.stages(), Set.of());
        settings(pipeline, definition);
        Pipeline saved = pipelines.saveAndFlush(pipeline);
        audit.record("pipeline.created", "pipeline", saved.getId(), null, saved.snapshot());
        return saved.view();
    }

    @Transactional
    public PipelineView change(UUID id, PipelineDefinition definition, String ifMatch) {
        Pipeline pipeline = find(id);
        ETags.check(ifMatch, pipeline.getVersion());
        checkNameFree(definition.name(), id);
        Map<String, Object> before = pipeline.snapshot();
        pipeline.rename(definition.name());
        pipeline.defineStages(definition.stages(), deals.stagesInUse(id));
        settings(pipeline, definition);
        pipelines.saveAndFlush(pipeline);
        audit.record("pipeline.changed", "pipeline", id, before, pipeline.snapshot());
        return pipeline.view();
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Pipeline pipeline = find(id);
        ETags.check(ifMatch, pipeline.getVersion());
        if (pipeline.isDefault()) {
            throw Problem.conflict("The default pipeline cannot be deleted; make another one the default first");
        }
        if (deals.existsByPipelineId(id)) {
            throw Problem.conflict("Deals use this pipeline; archive it instead (PUT with \"archived\": true)");
        }
        pipelines.delete(pipeline);
        audit.record("pipeline.deleted", "pipeline", id, pipeline.snapshot(), null);
    }

    /**
     * Archiving and the default. Taking the default away would leave new deals nowhere to start, so it only
     * moves by giving it to another pipeline; an archived pipeline cannot hold it.
     */
    private void settings(Pipeline pipeline, PipelineDefinition definition) {
        if (definition.wonRequiresSignature() != null) {
            pipeline.requireSignatureToWin(definition.wonRequiresSignature());
        }
        if (Boolean.FALSE.equals(definition.archived())) {
            pipeline.archive(false);
        }
        if (Boolean.TRUE.equals(definition.isDefault()) && !pipeline.isDefault()) {
            pipelines.findByDefaultPipelineTrue().ifPresent(previous -> {
                previous.makeDefault(false);
                pipelines.saveAndFlush(previous);
            });
            pipeline.makeDefault(true);
        } else if (Boolean.FALSE.equals(definition.isDefault()) && pipeline.isDefault()) {
            throw Problem.invalid("isDefault", "there is always a default pipeline; make another one the default");
        }
        if (Boolean.TRUE.equals(definition.archived())) {
            pipeline.archive(true);
        }
    }

    private Pipeline find(UUID id) {
        return pipelines.findById(id).orElseThrow(() -> Problem.notFound("Pipeline", id));
    }

    private void checkNameFree(String name, UUID self) {
        pipelines
                .findByNameIgnoreCase(name.trim())
                .filter(p -> !p.getId().equals(self))
                .ifPresent(p -> {
                    throw new Problem(409, "duplicate", "Conflict", "A pipeline named " + name + " already exists")
                            .with("field", "name");
                });
    }
}
