package io.salesflow.deal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Deals; the counts here include deleted deals, which still hold their stage until they are purged. */
interface DealRepository extends JpaRepository<Deal, UUID> {

    @Query("select distinct d.stageId from Deal d where d.pipelineId = :pipelineId")
    Set<UUID> stagesInUse(UUID pipelineId);

    boolean existsByPipelineId(UUID pipelineId);

    /** The deal, its row locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Deal d where d.id = :id")
    Optional<Deal> lockById(UUID id);
}
