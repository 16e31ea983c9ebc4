package io.salesflow.account;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, UUID> {

    /** Whether {@code candidate} is {@code account} itself or one of its descendants (a parent there makes a cycle). */
    @Query(
            value =
                    """
                    WITH RECURSIVE descendants(id) AS (
                        SELECT CAST(:account AS uuid)
                        UNION
                        SELECT a.id FROM accounts a JOIN descendants d ON a.parent_id = d.id
                    )
                    SELECT EXISTS (SELECT 1 FROM descendants WHERE id = :candidate)
                    """,
            nativeQuery = true)
    boolean isSelfOrDescendant(UUID account, UUID candidate);
}
