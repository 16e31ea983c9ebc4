package io.salesflow.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordInput;
import io.salesflow.records.RecordLifecycle;
import io.salesflow.records.RecordServiceBase;
import io.salesflow.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Note use cases for the calling user, within their record-level access: a note is about at least one record,
 * and each user its body newly mentions is announced as {@link UserMentioned}.
 */
@Service
public class Notes extends RecordServiceBase<Note> {

    private final NoteRepository notes;
    private final LinkTargets links;
    private final Mentions mentions;
    private final ApplicationEventPublisher events;

    Notes(
            NoteRepository notes,
            RecordLifecycle records,
            LinkTargets links,
            Mentions mentions,
            ApplicationEventPublisher events) {
        super(NoteRecord.NOTE, notes, records);
        this.notes = notes;
        this.links = links;
        this.mentions = mentions;
        this.events = events;
    }

    @Override
    @Transactional
    public UUID add(ObjectNode body) {
        Note note = new Note(TenantContext.require(), Caller.require().userId());
        apply(body, note, true);
        UUID created = records.created(NoteRecord.NOTE, notes, note);
        announce(note, List.of());
        return created;
    }

    @Override
    protected Map<String, Object> applyChange(Note note, ObjectNode body) {
        Map<String, Object> before = note.snapshot();
        List<UUID> mentionedBefore = note.mentions();
        apply(body, note, false);
        Map<String, Object> changed = records.changed(NoteRecord.NOTE, notes, note, before);
        announce(note, mentionedBefore);
        return changed;
    }

    private void apply(ObjectNode body, Note note, boolean creating) {
        RecordInput.Assignment assignment = new RecordInput.Assignment();
        Map<Link, UUID> requested = NoteInput.apply(body, note, assignment, creating);
        links.apply(requested, note);
        if (!note.hasLinks()) {
            Link first = requested.isEmpty()
                    ? Link.ACCOUNT
                    : requested.keySet().iterator().next();
            throw Problem.invalid(
                    first.field(), "a note is about at least one record: give accountId, contactId, leadId or dealId");
        }
        if (body.has("body")) {
            note.setMentions(mentions.resolve(note.body()));
        }
        records.assign(NoteRecord.NOTE, note, assignment);
    }

    private void announce(Note note, List<UUID> mentionedBefore) {
        UUID author = Caller.require().userId();
        note.mentions().stream()
                .filter(user -> !mentionedBefore.contains(user))
                .forEach(user -> events.publishEvent(note.mentioned(user, author)));
    }
}
