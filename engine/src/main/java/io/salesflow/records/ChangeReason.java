package io.salesflow.records;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Why the record changes made by the current thread happen, when the one asking for them said so (a
 * reassignment's reason, a merge). Listeners of the changes' synchronous events read it to keep it with what
 * they record; a plain edit has none.
 */
public final class ChangeReason {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private ChangeReason() {}

    /** Runs {@code change} with {@code why} as the reason of the changes it makes, then restores the previous one. */
    public static <T> T during(String why, Supplier<T> change) {
        String outer = CURRENT.get();
        CURRENT.set(why);
        try {
            return change.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
