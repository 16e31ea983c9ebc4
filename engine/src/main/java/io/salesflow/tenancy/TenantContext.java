package io.salesflow.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant the current thread works for. Requests get it from their credentials; background work
 * (schedulers, job executor, message consumers) must set it explicitly with {@link #callAs}. Every
 * transaction begun while a tenant is set carries it to PostgreSQL, where row-level security applies it.
 */
public final class TenantContext {

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static UUID require() {
        UUID tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("No tenant set for this work");
        }
        return tenant;
    }

    /** Runs {@code work} for {@code tenant}, restoring whatever was set before. */
    public static <T> T callAs(UUID tenant, Supplier<T> work) {
        UUID previous = CURRENT.get();
        CURRENT.set(tenant);
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    public static void runAs(UUID tenant, Runnable work) {
        callAs(tenant, () -> {
            work.run();
            return null;
        });
    }

    /** For request filters: set for the rest of the request; {@link #clear()} in a finally block. */
    public static void set(UUID tenant) {
        CURRENT.set(tenant);
    }

    public static void clear() {
        CURRENT.remove();
    }

    private static void restore(UUID previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
