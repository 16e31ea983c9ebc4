package io.salesflow.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The HTTP load generator: the JDK's {@code HttpClient} in the benchmark's JVM, outside the application's.
 *
 * <p>{@link #open} is an open model: requests leave at a fixed arrival rate whether or not earlier ones have been
 * answered, and each latency is measured from the moment the request was <em>meant</em> to leave, so a stalled server
 * shows in the latencies instead of silently slowing the load (coordinated omission). {@link #closed} keeps a fixed
 * number of requests in flight, one client after another, to find the saturation throughput.
 */
final class LoadGenerator {

    /** What a run of requests did: answers by status, latencies (ns, open model only), requests per second. */
    record Outcome(long sent, long ok, Map<Integer, Long> statuses, long failures, long[] latencies, double seconds) {

        double okPerSecond() {
            return ok / seconds;
        }

        /** The q-quantile (0–1) of the latencies, in milliseconds. */
        double percentileMs(double q) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(q * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
        }
    }

    private final Http http;

    LoadGenerator(Http http) {
        this.http = http;
    }

    /** Requests at {@code rate} per second for {@code length}; waits up to a minute for the last answers. */
    Outcome open(Supplier<HttpRequest> next, Set<Integer> okStatuses, double rate, Duration length) {
        long count = Math.max(1, Math.round(rate * length.toMillis() / 1000.0));
        double interval = 1e9 / rate;
        long[] latencies = new long[(int) count];
        AtomicInteger answered = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch((int) count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long intended = start + Math.round(i * interval);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = next.get();
            http.client
                    .sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        long latency = System.nanoTime() - intended;
                        if (error != null) {
                            failures.incrementAndGet();
                        } else {
                            statuses.merge(response.statusCode(), 1L, Long::sum);
                            if (okStatuses.contains(response.statusCode())) {
                                ok.incrementAndGet();
                                latencies[answered.getAndIncrement()] = latency;
                            }
                        }
                        done.countDown();
                    });
        }
        try {
            done.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // The latch orders every answer's write before this read.
        long[] measured = Arrays.copyOf(latencies, answered.get());
        Arrays.sort(measured);
        return new Outcome(count, ok.get(), Map.copyOf(statuses), failures.get(), measured, seconds);
    }

    /** {@code clients} requests in flight at all times for {@code length}: the saturation throughput. */
    Outcome closed(Supplier<HttpRequest> next, Set<Integer> okStatuses, int clients, Duration length) {
        AtomicLong sent = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        Figure.Run run = Workers.loop(clients, length, () -> {
            sent.incrementAndGet();
            try {
                Http.Response r = http.send(next.get());
                statuses.merge(r.status(), 1L, Long::sum);
                if (okStatuses.contains(r.status())) {
                    ok.incrementAndGet();
                }
            } catch (java.io.IOException e) {
                failures.incrementAndGet();
            }
            return true;
        });
        return new Outcome(sent.get(), ok.get(), Map.copyOf(statuses), failures.get(), new long[0], run.seconds());
    }
}
