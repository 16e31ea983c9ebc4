package io.salesflow.imports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refreshes the planner's statistics of the tables an import fills after its 1st, 4th, 16th, 64th… chunk, so a
 * few refreshes cover any size. Without them a workspace newer than the statistics gets one-row estimates, and
 * the planner can choose an index that walks all of the workspace's records for each new one, so each row costs
 * more than the one before (V96 explains; {@code DuplicateLookupWorkTest} shows the reads). Statistics only steer
 * plans: a refresh that fails is logged and the import goes on.
 */
@Component
class PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    private final JdbcTemplate jdbc;

    PlannerStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** After chunk {@code number} (from 1) of {@code job}: refreshes when the number is a power of four. */
    void afterChunk(ImportJob job, int number) {
        if (job.dryRun() || Integer.bitCount(number) != 1 || Integer.numberOfTrailingZeros(number) % 2 != 0) {
            return;
        }
        refresh(job.type().collection);
    }

    /** Refreshes the statistics of a record type's table and of its duplicate keys and search postings. */
    void refresh(String collection) {
        try {
            jdbc.queryForObject("SELECT app_analyze_records(?)::text", String.class, collection);
        } catch (DataAccessException e) {
            log.warn("Could not refresh the planner's statistics for {}; the import goes on", collection, e);
        }
    }
}
