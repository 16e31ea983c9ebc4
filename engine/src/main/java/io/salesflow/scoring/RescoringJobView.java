package io.salesflow.scoring;

import java.time.Instant;
import java.util.UUID;

/**
 * A rescoring job and how far it got: {@code processed} of {@code total} live leads (counted when it started;
 * null while queued), {@code changed} of them with a new score or band. {@code trigger} says why it ran:
 * {@code activation} of its rule set, or {@code time_windows}, the nightly rescoring for rules that count
 * engagements in the last days.
 */
public record RescoringJobView(
        UUID id,
        UUID ruleSetId,
        int ruleSetVersion,
        String trigger,
        String status,
        Integer total,
        int processed,
        int changed,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {}
