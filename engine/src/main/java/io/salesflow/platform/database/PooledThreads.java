package io.salesflow.platform.database;

/**
 * Threads of background work that each hold at most one pooled connection while they work. Every executor of
 * background work is declared as one (the bean that owns it implements this); {@link ConnectionBudget} counts
 * them against the pool at start.
 */
public interface PooledThreads {

    /** What the threads do and the setting that sizes them, for the start-up message. */
    String threadsDescription();

    /** How many of them can hold a connection at once. */
    int threads();

    static PooledThreads of(String description, int threads) {
        return new PooledThreads() {
            @Override
            public String threadsDescription() {
                return description;
            }

            @Override
            public int threads() {
                return threads;
            }
        };
    }
}
