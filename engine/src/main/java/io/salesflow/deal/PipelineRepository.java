package io.salesflow.deal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PipelineRepository extends JpaRepository<Pipeline, UUID> {

    List<Pipeline> findAllByOrderByName();

    Optional<Pipeline> findByNameIgnoreCase(String name);

    Optional<Pipeline> findByDefaultPipelineTrue();
}
