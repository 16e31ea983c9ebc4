package io.salesflow.deal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DealApprovalRepository extends JpaRepository<DealApproval, UUID> {

    /** A deal's approval requests, newest first. */
    @Query("select a from DealApproval a where a.deal.id = :dealId order by a.requestedAt desc, a.id")
    List<DealApproval> ofDeal(UUID dealId);

    @Query("select a.deal.id from DealApproval a where a.id = :approvalId")
    Optional<UUID> dealOf(UUID approvalId);
}
