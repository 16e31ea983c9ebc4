package io.salesflow.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Work beyond the executor's room makes its submitter wait instead of failing; the executor's own tasks never wait. */
class BackpressureTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private ThreadPoolTaskExecutor executor;

    @BeforeEach
    void oneThreadWithRoomForTwoTasks() {
        executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(Integer.MAX_VALUE);
        executor.setTaskDecorator(
                new Backpressure(2, () -> executor.getThreadPoolExecutor().isShutdown()));
        executor.initialize();
    }

    @AfterEach
    void shutDown() {
        release.countDown();
        executor.shutdown();
    }

    @Test
    void aSubmitterWaitsForRoomAndItsTaskRunsOnceThereIsSome() throws Exception {
        executor.execute(this::blocked);
        executor.execute(() -> {});
        CompletableFuture<Void> third = new CompletableFuture<>();
        Thread submitter = new Thread(() -> executor.execute(() -> third.complete(null)), "submitter");
        submitter.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> submitter.getState() == Thread.State.TIMED_WAITING);
        assertThat(third).isNotDone();

        release.countDown();
        third.get(10, TimeUnit.SECONDS);
        submitter.join(10_000);
        assertThat(submitter.isAlive()).isFalse();
    }

    @Test
    void aTaskThatSubmitsMoreWorkDoesNotWaitForItself() throws Exception {
        CompletableFuture<Void> nested = new CompletableFuture<>();
        CompletableFuture<Void> submitted = new CompletableFuture<>();
        executor.execute(() -> {
            executor.execute(() -> {});
            executor.execute(() -> nested.complete(null));
            submitted.complete(null);
        });
        executor.execute(this::blocked);

        submitted.get(10, TimeUnit.SECONDS);
        release.countDown();
        nested.get(10, TimeUnit.SECONDS);
    }

    private void blocked() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
