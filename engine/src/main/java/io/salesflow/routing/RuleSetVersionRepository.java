package io.salesflow.routing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RuleSetVersionRepository extends JpaRepository<RuleSetVersion, UUID> {

    List<RuleSetVersion> findAllByOrderByNumberDesc();

    @Query("SELECT coalesce(max(v.number), 0) FROM RuleSetVersion v")
    int lastNumber();

    @Query("SELECT v FROM RuleSetVersion v WHERE v.status = 'active'")
    Optional<RuleSetVersion> findActive();

    @Query("SELECT v FROM RuleSetVersion v WHERE v.status = 'retired' ORDER BY v.retiredAt DESC, v.number DESC"
            + " LIMIT 1")
    Optional<RuleSetVersion> findLastRetired();
}
