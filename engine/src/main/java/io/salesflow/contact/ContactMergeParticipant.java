package io.salesflow.contact;

import io.salesflow.records.MergeParticipant;
import io.salesflow.records.MergedLinks;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Merged accounts hand their contacts to the survivor. */
@Component
class ContactMergeParticipant implements MergeParticipant {

    private final MergedLinks links;

    ContactMergeParticipant(MergedLinks links) {
        this.links = links;
    }

    @Override
    public Map<String, Integer> merge(Merge merge) {
        return merge.recordType().equals("account")
                ? Map.of("contacts", links.move(ContactRecord.CONTACT, "accountId", merge))
                : Map.of();
    }
}
