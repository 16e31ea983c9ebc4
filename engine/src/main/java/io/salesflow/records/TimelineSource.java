package io.salesflow.records;

import java.util.List;

/**
 * Something that has entries in a record's timeline: field changes, activities and notes, and later emails or
 * process events. Each module that has such entries declares a Spring bean; {@link Timeline} merges them.
 */
public interface TimelineSource {

    /**
     * The source's entries about {@code query.parent()}, in timeline order and after {@code query.after()}, at
     * most {@code query.limit()} of them; only entries the query's caller may read.
     */
    List<TimelineEntry> entries(TimelineQuery query);
}
