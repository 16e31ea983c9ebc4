package io.salesflow.activity;

import java.util.UUID;

/**
 * A note newly mentions a user (when written, or when a change adds the mention): notifications tell them.
 * {@code authorId} is the user who wrote the mention; the link ids say what the note is about.
 */
public record UserMentioned(
        UUID tenantId,
        UUID noteId,
        UUID mentionedUserId,
        UUID authorId,
        UUID accountId,
        UUID contactId,
        UUID leadId,
        UUID dealId) {}
