package io.salesflow.records;

/** How a record field is stored, filtered, sorted and shown. */
public enum FieldType {
    TEXT,
    NUMBER,
    DATE,
    TIMESTAMP,
    UUID,
    BOOLEAN,
    TEXT_ARRAY,
    UUID_ARRAY,
    JSON
}
