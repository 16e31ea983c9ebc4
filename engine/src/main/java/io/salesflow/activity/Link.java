package io.salesflow.activity;

import io.salesflow.records.RecordField;
import io.salesflow.records.RecordType;
import java.util.Arrays;
import java.util.Optional;

/** A record an activity or note can be about, by the field that names it. */
enum Link {
    ACCOUNT("accountId", "account_id", "account"),
    CONTACT("contactId", "contact_id", "contact"),
    LEAD("leadId", "lead_id", "lead"),
    DEAL("dealId", "deal_id", "deal");

    private final String field;
    private final String column;
    private final String recordType;

    Link(String field, String column, String recordType) {
        this.field = field;
        this.column = column;
        this.recordType = recordType;
    }

    String field() {
        return field;
    }

    String column() {
        return column;
    }

    /** The linked record's type, as {@link io.salesflow.records.RecordType#name()} names it. */
    String recordType() {
        return recordType;
    }

    /**
     * Adds the links of activities and notes to their record type: filterable id fields, and the linked records
     * embedded by what identifies them.
     */
    static RecordType.Builder describe(RecordType.Builder type) {
        for (Link link : values()) {
            type.field(RecordField.uuid(link.field, link.column));
        }
        return type.embed("account", "account_id", "accounts", "name", "domain")
                .embed("contact", "contact_id", "contacts", "first_name", "last_name", "email")
                .embed("lead", "lead_id", "leads", "first_name", "last_name", "company")
                .embed("deal", "deal_id", "deals", "name", "status");
    }

    static Optional<Link> byField(String field) {
        return Arrays.stream(values()).filter(l -> l.field.equals(field)).findFirst();
    }

    static Optional<Link> byRecordType(String recordType) {
        return Arrays.stream(values())
                .filter(l -> l.recordType.equals(recordType))
                .findFirst();
    }
}
