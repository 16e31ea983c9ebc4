package io.salesflow.records;

import java.util.List;

/**
 * A parsed list request: filters, sort keys, the cursor of the page, its size, the fields to return (empty:
 * all) and the related records to embed.
 */
public record ListQuery(
        List<Filter> filters, List<Sort> sort, String cursor, int limit, List<String> fields, List<String> embed) {

    public record Filter(RecordField field, Operator operator, List<String> values) {}

    public record Sort(RecordField field, boolean descending) {}
}
