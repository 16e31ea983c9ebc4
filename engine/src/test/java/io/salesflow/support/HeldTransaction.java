package io.salesflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Work done in a tenant's transaction on a thread of its own, the transaction kept open (and what it locked held)
 * until released: a rep's edit still in flight, say, for a test of what waits on it.
 */
public final class HeldTransaction implements AutoCloseable {

    private final CountDownLatch done = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final Thread holder;

    /** Starts the transaction and returns once {@code work} has run in it. */
    public HeldTransaction(InTenant inTenant, String slug, Runnable work) throws InterruptedException {
        holder = new Thread(() -> inTenant.run(slug, () -> {
            work.run();
            done.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        assertThat(done.await(60, TimeUnit.SECONDS))
                .as("the held transaction's work ran")
                .isTrue();
    }

    /** Lets the transaction commit. */
    public void release() {
        released.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        release();
        holder.join();
    }

    /**
     * Whether a statement starting with {@code statementStart} waits for a lock (one a held transaction has, say) in a
     * transaction that has run longer than {@code age}.
     */
    public static boolean waitsInATransactionOlderThan(JdbcTemplate jdbc, String statementStart, Duration age) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND query LIKE ? || '%' AND now() - xact_start > ?::interval)",
                Boolean.class, statementStart, age.toMillis() + " milliseconds"));
    }
}
