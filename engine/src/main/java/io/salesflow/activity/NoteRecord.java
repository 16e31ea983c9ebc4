package io.salesflow.activity;

import io.salesflow.records.FieldType;
import io.salesflow.records.Operator;
import io.salesflow.records.RecordField;
import io.salesflow.records.RecordType;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The note as the shared record machinery sees it; activities' permissions guard notes too. */
@Configuration(proxyBeanMethods = false)
class NoteRecord {

    static final String TYPE = "note";

    static final RecordType NOTE = Link.describe(RecordType.builder(TYPE, "notes")
                    .permissions("activities:read", "activities:write")
                    .field(RecordField.text("body", "body"))
                    // Sortable, so that pinned notes can come first: sort=-pinned,-createdAt.
                    .field(new RecordField(
                            "pinned",
                            "pinned",
                            FieldType.BOOLEAN,
                            Set.of(Operator.EQ, Operator.NE, Operator.IS_NULL),
                            true))
                    .field(RecordField.uuids("mentionedUserIds", "mentions"))
                    .field(RecordField.tags("tags", "tags"))
                    .required("body")
                    .example("body", "Wants a pilot for the Berlin office before the budget round.")
                    .example("pinned", true)
                    .embed("owner", "owner_id", "users", "display_name", "email")
                    .embed("team", "team_id", "teams", "name"))
            .build();

    @Bean
    RecordType noteRecordType() {
        return NOTE;
    }
}
