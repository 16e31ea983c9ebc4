package io.salesflow.deal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PipelineStageRepository extends JpaRepository<PipelineStage, UUID> {}
