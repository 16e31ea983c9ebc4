package io.salesflow.platform.database;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers that stay the same for the rest of a transaction (a team exists, the custom fields of a record type),
 * kept for it: bulk work (an import chunk runs hundreds of rows in one transaction) asks once instead of once per
 * row. Outside a transaction nothing is kept. Whoever changes what an answer says forgets it
 * ({@link #forget}).
 */
public final class TransactionMemo {

    private static final Object KEY = TransactionMemo.class;

    private TransactionMemo() {}

    /** The answer kept under {@code key} in this transaction, asking {@code answer} the first time. */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object key, Supplier<T> answer) {
        Map<Object, Object> memo = memo();
        if (memo == null) {
            return answer.get();
        }
        Object kept = memo.get(key);
        if (kept == null) {
            kept = answer.get();
            memo.put(key, kept);
        }
        return (T) kept;
    }

    /** Drops what is kept under {@code key} in this transaction. */
    public static void forget(Object key) {
        Map<Object, Object> memo = memo();
        if (memo != null) {
            memo.remove(key);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> memo() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<Object, Object> memo = (Map<Object, Object>) TransactionSynchronizationManager.getResource(KEY);
        if (memo == null) {
            memo = new HashMap<>();
            TransactionSynchronizationManager.bindResource(KEY, memo);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
        }
        return memo;
    }
}
