package io.salesflow.identity;

import java.util.List;
import java.util.UUID;

/** A team as the API shows it. */
public record TeamView(UUID id, String name, UUID managerId, List<UUID> memberIds, long version) {}
