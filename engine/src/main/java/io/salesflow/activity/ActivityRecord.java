package io.salesflow.activity;

import io.salesflow.records.RecordField;
import io.salesflow.records.RecordType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The activity as the shared record machinery sees it: fields the list API filters and sorts by, and embeds. */
@Configuration(proxyBeanMethods = false)
class ActivityRecord {

    static final String TYPE = "activity";

    static final RecordType ACTIVITY = Link.describe(RecordType.builder(TYPE, "activities")
                    .permissions("activities:read", "activities:write")
                    .field(RecordField.text("type", "type"))
                    .field(RecordField.text("subject", "subject"))
                    .field(RecordField.text("description", "description"))
                    .field(RecordField.timestamp("dueAt", "due_at"))
                    .field(RecordField.timestamp("startAt", "start_at"))
                    .field(RecordField.timestamp("endAt", "end_at"))
                    .field(RecordField.number("durationMinutes", "duration_minutes"))
                    .field(RecordField.text("status", "status"))
                    .field(RecordField.timestamp("completedAt", "completed_at"))
                    .field(RecordField.text("outcome", "outcome"))
                    .field(RecordField.text("priority", "priority"))
                    .field(RecordField.number("priorityRank", "priority_rank"))
                    .field(RecordField.timestamp("occurredAt", "occurred_at"))
                    .field(RecordField.tags("tags", "tags"))
                    .field(RecordField.text("page", "page"))
                    .setBySalesflow("completedAt", "occurredAt", "priorityRank", "page")
                    .required("type", "subject")
                    .example("type", "call")
                    .example("subject", "Discovery call")
                    .example("dueAt", "2026-01-15T10:00:00Z")
                    .example("priority", "high")
                    .embed("owner", "owner_id", "users", "display_name", "email")
                    .embed("team", "team_id", "teams", "name"))
            .build();

    @Bean
    RecordType activityRecordType() {
        return ACTIVITY;
    }
}
