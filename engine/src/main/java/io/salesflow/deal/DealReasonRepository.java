package io.salesflow.deal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DealReasonRepository extends JpaRepository<DealReason, UUID> {

    @Query("select r from DealReason r order by r.kind desc, r.position, lower(r.label)")
    List<DealReason> listed();

    Optional<DealReason> findByKindAndLabelIgnoreCase(String kind, String label);

    boolean existsByKindAndActiveTrue(String kind);

    @Query("select coalesce(max(r.position) + 1, 0) from DealReason r where r.kind = :kind")
    int nextPosition(String kind);
}
