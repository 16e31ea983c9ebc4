package io.salesflow.duplicate;

import java.util.Arrays;
import java.util.Optional;

/**
 * The record types duplicates are looked for among, and where their identifying fields are: SQL over alias
 * {@code r} of the type's table, written here rather than taken from a request.
 */
enum RecordKind {
    LEAD(
            "lead",
            "leads",
            "r.first_name, r.last_name, r.company, array_remove(ARRAY[r.email], NULL),"
                    + " array_remove(ARRAY[r.phone], NULL), r.website, r.country"),
    CONTACT("contact", "contacts", "r.first_name, r.last_name, NULL, r.emails, r.phones, NULL, NULL"),
    ACCOUNT(
            "account",
            "accounts",
            "NULL, NULL, r.name, '{}'::text[], '{}'::text[], coalesce(r.domain, r.website),"
                    + " r.billing_address ->> 'country'");

    private final String type;
    private final String collection;
    private final String columns;

    RecordKind(String type, String collection, String columns) {
        this.type = type;
        this.collection = collection;
        this.columns = columns;
    }

    /** The record type's name, as {@code RecordType.name()} and the database's {@code record_type} have it. */
    String type() {
        return type;
    }

    /** The path segment and table, e.g. {@code leads}. */
    String collection() {
        return collection;
    }

    /** first name, last name, company, emails, phones, website, region: in this order. */
    String profileColumns() {
        return columns;
    }

    static Optional<RecordKind> ofCollection(String collection) {
        return Arrays.stream(values())
                .filter(k -> k.collection.equals(collection))
                .findFirst();
    }

    static Optional<RecordKind> ofType(String type) {
        return Arrays.stream(values()).filter(k -> k.type.equals(type)).findFirst();
    }
}
