package io.salesflow.activity;

import java.util.UUID;

/**
 * A meeting was put in the calendar of a lead or contact: a meeting activity was logged on it (planned or held).
 * Sequences that stop on a booked meeting listen.
 */
public record MeetingBooked(UUID tenantId, UUID activityId, UUID leadId, UUID contactId) {}
