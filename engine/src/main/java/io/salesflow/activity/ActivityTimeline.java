package io.salesflow.activity;

import io.salesflow.records.LinkedRecordEntries;
import io.salesflow.records.TimelineEntry;
import io.salesflow.records.TimelineQuery;
import io.salesflow.records.TimelineSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Activities and notes in the timelines of the accounts, contacts, leads and deals they are linked to, within
 * the caller's read access to activities. An activity stands at the time it was done, else when it starts or is
 * due, else when it was created; a note when it was written.
 */
@Component
class ActivityTimeline implements TimelineSource {

    private static final List<String> ACTIVITY_FIELDS = List.of(
            "type",
            "subject",
            "status",
            "priority",
            "dueAt",
            "startAt",
            "endAt",
            "durationMinutes",
            "completedAt",
            "outcome",
            "ownerId");
    private static final List<String> NOTE_FIELDS =
            List.of("body", "pinned", "mentionedUserIds", "ownerId", "createdAt", "updatedAt");

    private final LinkedRecordEntries linked;

    ActivityTimeline(LinkedRecordEntries linked) {
        this.linked = linked;
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery query) {
        Optional<Link> link = Link.byRecordType(query.parentType().name());
        if (link.isEmpty()) {
            return List.of();
        }
        String column = link.get().column();
        List<TimelineEntry> entries = new ArrayList<>(
                linked.of(ActivityRecord.ACTIVITY, ActivityRecord.TYPE, column, "occurred_at", ACTIVITY_FIELDS, query));
        entries.addAll(linked.of(NoteRecord.NOTE, NoteRecord.TYPE, column, "created_at", NOTE_FIELDS, query));
        return entries;
    }
}
