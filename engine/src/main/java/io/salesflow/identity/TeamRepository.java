package io.salesflow.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TeamRepository extends JpaRepository<Team, UUID> {

    Optional<Team> findByNameIgnoreCase(String name);

    List<Team> findAllByOrderByName();

    @Query("select t from Team t where :userId member of t.memberIds or t.managerId = :userId")
    List<Team> ofUser(UUID userId);
}
