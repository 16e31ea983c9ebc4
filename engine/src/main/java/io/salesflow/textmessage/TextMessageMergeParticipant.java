package io.salesflow.textmessage;

import io.salesflow.records.MergeParticipant;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Merged leads and contacts hand their text messages to the survivor. */
@Component
class TextMessageMergeParticipant implements MergeParticipant {

    private final TextMessageRepository messages;

    TextMessageMergeParticipant(TextMessageRepository messages) {
        this.messages = messages;
    }

    @Override
    public Map<String, Integer> merge(Merge merge) {
        if (!merge.recordType().equals("lead") && !merge.recordType().equals("contact")) {
            return Map.of();
        }
        return Map.of("textMessages", messages.move(merge.recordType(), merge.mergedIds(), merge.survivorId()));
    }
}
