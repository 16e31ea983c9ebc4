package io.salesflow.savedview;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A saved list view as the API shows it.
 *
 * @param mine whether the caller owns it
 * @param editable whether the caller may change or delete it: its owner, or an org admin
 * @param defaultView whether the caller's list of this record type opens with it
 */
public record SavedView(
        UUID id,
        String recordType,
        String name,
        SavedViewState state,
        String visibility,
        UUID ownerId,
        String ownerName,
        boolean mine,
        boolean editable,
        boolean defaultView,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /**
     * A list's state: filters and sort in the list language's terms (docs/api.md "Lists of records"), the columns
     * shown (fields or embeds), the page size; {@code value} {@code me} of an id filter means whoever uses the view.
     */
    public record SavedViewState(
            List<SavedViewFilter> filters, List<SavedViewSort> sort, List<String> columns, Integer pageSize) {}

    /** One filter: {@code ?field[op]=value}. */
    public record SavedViewFilter(String field, String op, String value) {}

    /** One sort key: {@code asc} or {@code desc}. */
    public record SavedViewSort(String field, String direction) {}
}
