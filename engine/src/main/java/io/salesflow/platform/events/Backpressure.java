package io.salesflow.platform.events;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.springframework.core.task.TaskDecorator;

/**
 * Bounds the work queued or running on an executor: a thread that submits while {@code capacity} tasks are in
 * it waits until one finishes. The executor applies a decorator on the submitting thread, before queueing, which
 * is what lets this one hold the submitter back. Tasks submitted from the executor's own tasks (a listener whose
 * transaction publishes more events) never wait: they would wait for themselves.
 */
final class Backpressure implements TaskDecorator {

    private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

    private final Semaphore room;
    private final BooleanSupplier shutDown;

    Backpressure(int capacity, BooleanSupplier shutDown) {
        this.room = new Semaphore(capacity);
        this.shutDown = shutDown;
    }

    @Override
    public Runnable decorate(Runnable task) {
        boolean counted = !Boolean.TRUE.equals(INSIDE.get());
        if (counted) {
            awaitRoom();
        }
        return () -> {
            Boolean outer = INSIDE.get();
            INSIDE.set(true);
            try {
                task.run();
            } finally {
                INSIDE.set(outer);
                if (counted) {
                    room.release();
                }
            }
        };
    }

    private void awaitRoom() {
        if (room.tryAcquire()) {
            return;
        }
        try {
            while (!room.tryAcquire(1, TimeUnit.SECONDS)) {
                if (shutDown.getAsBoolean()) {
                    throw new RejectedExecutionException("The listener executor is shutting down");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("Interrupted while waiting for room on the listener executor", e);
        }
    }
}
