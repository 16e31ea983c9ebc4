package io.salesflow.duplicate;

import io.salesflow.records.RecordsMerged;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A durable listener of merges, as the process gateway will be: handles each after commit, in its own transaction. */
@Component
class MergedRecordsProbe {

    private final List<UUID> survivors = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void on(RecordsMerged event) {
        survivors.add(event.survivorId());
    }

    boolean handled(UUID survivor) {
        return survivors.contains(survivor);
    }
}
