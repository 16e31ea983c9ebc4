package io.salesflow.records;

import io.salesflow.identity.Caller;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * What a {@link TimelineSource} is asked for: entries about one record that the caller may read, after a position
 * in timeline order (none: from the newest), at most {@code limit}.
 */
public record TimelineQuery(
        RecordType parentType, UUID parentId, Caller caller, TimelineEntry.Position after, int limit) {

    /**
     * The SQL condition under which a row of {@code kind}, whose time is {@code atSql} and whose id as text is
     * {@code idSql}, comes after the cursor in {@link TimelineEntry#ORDER}. Sources order their rows by
     * {@code atSql DESC, idSql COLLATE "C" DESC} to match.
     */
    public Condition keyset(String atSql, String kind, String idSql) {
        if (after == null) {
            return new Condition("TRUE", List.of());
        }
        OffsetDateTime at = at(after.at());
        int byKind = kind.compareTo(after.kind());
        if (byKind < 0) {
            return new Condition(atSql + " <= ?", List.of(at));
        }
        if (byKind > 0) {
            return new Condition(atSql + " < ?", List.of(at));
        }
        return new Condition(
                "(" + atSql + " < ? OR (" + atSql + " = ? AND " + idSql + " COLLATE \"C\" < ?))",
                List.of(at, at, after.id()));
    }

    /** An instant as PostgreSQL compares it with a {@code timestamptz}. */
    public static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A piece of SQL and its parameters. */
    public record Condition(String sql, List<Object> params) {}
}
