package io.salesflow.activity;

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

    static Optional<Link> byField(String field) {
        return Arrays.stream(values()).filter(l -> l.field.equals(field)).findFirst();
    }

    static Optional<Link> byRecordType(String recordType) {
        return Arrays.stream(values())
                .filter(l -> l.recordType.equals(recordType))
                .findFirst();
    }
}
