package io.salesflow.support;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Index entries and rows PostgreSQL counted as read from some tables and their indexes in the current transaction
 * ({@code pg_stat_get_xact_*}): how much a piece of work reads, which unlike its time does not depend on the machine.
 * Take it before and after the work, in the same transaction.
 */
public final class TableReads {

    private TableReads() {}

    public static long sum(JdbcTemplate jdbc, String... tables) {
        String names = Arrays.stream(tables).map(t -> "'" + t + "'").collect(Collectors.joining(", "));
        Long reads = jdbc.queryForObject(
                "SELECT sum(pg_stat_get_xact_tuples_returned(c.oid) + pg_stat_get_xact_tuples_fetched(c.oid))"
                        + " FROM pg_class c WHERE c.relname IN (" + names + ") OR c.oid IN (SELECT indexrelid FROM"
                        + " pg_index WHERE indrelid IN (SELECT oid FROM pg_class WHERE relname IN (" + names + ")))",
                Long.class);
        return reads == null ? 0 : reads;
    }
}
