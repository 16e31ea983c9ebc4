package io.salesflow.platform.database;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Write-behind for append-only rows (field history, audit) during bulk work. A transaction that opts in with
 * {@link #collect} gathers such inserts and sends them as one JDBC batch per statement just before it commits; a
 * rollback drops them with everything else. Outside such a transaction the rows are written at once. Nothing may
 * read these rows back within the collecting transaction.
 */
public final class TransactionBatch {

    private static final Object KEY = TransactionBatch.class;

    private TransactionBatch() {}

    /** Makes the current transaction collect the inserts made through {@link #insert}. */
    public static void collect(JdbcTemplate jdbc) {
        if (TransactionSynchronizationManager.hasResource(KEY)) {
            return;
        }
        Map<String, List<Object[]>> pending = new LinkedHashMap<>();
        TransactionSynchronizationManager.bindResource(KEY, pending);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                pending.forEach(jdbc::batchUpdate);
                pending.clear();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
            }
        });
    }

    /** Inserts {@code rows} with {@code sql}: now, or before the commit when the transaction collects. */
    @SuppressWarnings("unchecked")
    public static void insert(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, List<Object[]>> pending =
                (Map<String, List<Object[]>>) TransactionSynchronizationManager.getResource(KEY);
        if (pending != null) {
            pending.computeIfAbsent(sql, s -> new ArrayList<>()).addAll(rows);
        } else if (rows.size() == 1) {
            jdbc.update(sql, rows.get(0));
        } else {
            jdbc.batchUpdate(sql, rows);
        }
    }
}
