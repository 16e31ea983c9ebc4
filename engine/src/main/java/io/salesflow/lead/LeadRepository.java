package io.salesflow.lead;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface LeadRepository extends JpaRepository<Lead, UUID> {}
