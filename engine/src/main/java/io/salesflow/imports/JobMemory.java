package io.salesflow.imports;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a running job remembers between rows: the record each duplicate key went to in this file, and the owners
 * its owner emails named. A dry run writes nothing, so its keys stand for records that would exist
 * ({@link #WOULD_EXIST}) and are kept for the whole file; a real run keeps them for one chunk, after which the
 * committed records are found like any other.
 */
final class JobMemory {

    static final UUID WOULD_EXIST = new UUID(0, 0);

    private final boolean dryRun;
    private final Map<String, UUID> recordsByKey = new HashMap<>();
    private final Map<String, Optional<UUID>> ownersByEmail = new HashMap<>();

    JobMemory(boolean dryRun) {
        this.dryRun = dryRun;
    }

    UUID recordFor(String key) {
        return recordsByKey.get(key);
    }

    void remember(String key, UUID record) {
        recordsByKey.put(key, record);
    }

    void rememberAll(Map<String, UUID> records) {
        recordsByKey.putAll(records);
    }

    /** The active user with this email, looked up once per job. */
    Optional<UUID> owner(String email, Function<String, Optional<UUID>> lookup) {
        return ownersByEmail.computeIfAbsent(email, lookup);
    }

    /** After a chunk: a dry run's records were rolled back and only would exist; a real run's are committed. */
    void chunkDone() {
        if (dryRun) {
            recordsByKey.replaceAll((key, record) -> WOULD_EXIST);
        } else {
            recordsByKey.clear();
        }
    }
}
