package io.salesflow.activity;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ActivityRepository extends JpaRepository<Activity, UUID> {}
