package io.salesflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The work Salesflow's requests leave behind: event publications its listeners have not completed and Camunda jobs
 * that are due (nurture starts, search indexing, audit). A figure "until listeners done" waits for it: that work is
 * part of what the requests cost.
 */
final class Backlog {

    private static final String PENDING =
            "SELECT (SELECT count(*) FROM event_publication WHERE completion_date IS NULL)"
                    + " + (SELECT count(*) FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1"
                    + " AND (duedate_ IS NULL OR duedate_ <= now()))";

    private final DataSource db;

    Backlog(DataSource db) {
        this.db = db;
    }

    /** Waits until nothing is pending (at most ten minutes); returns the seconds waited. */
    double drain() {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (pending() == 0) {
                return (System.nanoTime() - start) / 1e9;
            }
            sleep(50);
        }
        System.err.println("Salesflow's listeners and jobs did not finish within 10 minutes; measuring on");
        return (System.nanoTime() - start) / 1e9;
    }

    private long pending() {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(PENDING);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(PENDING, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
