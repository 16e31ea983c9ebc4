package io.salesflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Closed-loop workers: a fixed number of threads each doing one operation after another for a fixed time. */
final class Workers {

    /** One operation; false when there is no more work (a queue of prepared tasks ran dry). */
    interface Operation {
        boolean run() throws Exception;
    }

    private Workers() {}

    /** Runs the operation on {@code threads} threads for {@code length} (or until it runs dry): operations/s. */
    static Figure.Run loop(int threads, Duration length, Operation operation) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    if (!operation.run()) {
                        return null;
                    }
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A benchmark operation failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Figure.Run(done.get() / seconds, done.get(), seconds);
    }
}
