package io.salesflow.attachment;

import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.platform.input.TimeRange;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.records.RecordQueries;
import io.salesflow.records.RecordType;
import io.salesflow.tenancy.TenantContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attachment use cases for the calling user. Attachments take their access from their record, of whatever
 * registered record type: reading them needs the record to be live and readable, adding or removing them
 * needs it to be changeable. A deleted record's attachments are hidden until it is restored.
 */
@Service
public class Attachments {

    private final Map<String, RecordType> typesByCollection = new HashMap<>();
    private final Map<String, RecordType> typesByName = new HashMap<>();
    private final RecordQueries records;
    private final AttachmentRepository repository;
    private final AttachmentStorage storage;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ContentTypePolicy contentTypes;
    private final long maxSize;

    Attachments(
            List<RecordType> types,
            RecordQueries records,
            AttachmentRepository repository,
            AttachmentStorage storage,
            AuditLog audit,
            ApplicationEventPublisher events,
            AttachmentProperties properties) {
        types.forEach(t -> {
            typesByCollection.put(t.table(), t);
            typesByName.put(t.name(), t);
        });
        this.records = records;
        this.repository = repository;
        this.storage = storage;
        this.audit = audit;
        this.events = events;
        this.contentTypes = new ContentTypePolicy(properties.allowedTypes());
        this.maxSize = properties.maxSize().toBytes();
    }

    /**
     * A file as it arrived.
     *
     * @param declaredType the media type the client sent with it, if any
     */
    public record Upload(String filename, String declaredType, long size, InputStreamSource content) {}

    /** An attachment and a stream of its content. */
    public record Download(Attachment attachment, InputStream content) {}

    /**
     * Attaches a file to the record {@code recordId} of the collection (its table, as in {@code /api/v1/deals}).
     * Who may not change the record learns so before the file is looked at; a file that is empty, too large,
     * of a type not accepted or not what its name says is refused, and nothing is kept.
     */
    @Transactional
    public Attachment add(String collection, UUID recordId, List<Upload> uploads) {
        RecordType type = typeOfCollection(collection);
        requireChangeable(type, recordId, () -> recordNotFound(type, recordId));
        if (uploads.isEmpty()) {
            throw UploadProblems.invalid("is required: send the file as the multipart part 'file'");
        }
        if (uploads.size() > 1) {
            throw UploadProblems.invalid("must be one file: send one part 'file' per upload");
        }
        Upload upload = uploads.get(0);
        String filename = FileNames.sanitise(upload.filename());
        if (upload.size() > maxSize) {
            throw UploadProblems.tooLarge(maxSize);
        }
        ContentScan scan = scan(upload.content());
        if (scan.size() == 0) {
            throw UploadProblems.invalid("is empty");
        }
        if (scan.size() > maxSize) {
            throw UploadProblems.tooLarge(maxSize);
        }
        AttachmentType fileType =
                contentTypes.check(filename, upload.declaredType(), ContentSniffer.sniff(scan.head()));
        UUID tenant = TenantContext.require();
        Attachment attachment = repository.insert(
                tenant,
                new Attachment(
                        UUID.randomUUID(),
                        type.name(),
                        recordId,
                        filename,
                        fileType.mediaType(),
                        scan.size(),
                        scan.sha256(),
                        Caller.require().userId(),
                        null));
        try (InputStream content = upload.content().getInputStream()) {
            storage.store(tenant, attachment.id(), content, scan.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record("attachment.added", "attachment", attachment.id(), null, attachment.snapshot());
        events.publishEvent(new AttachmentAdded(
                tenant,
                attachment.id(),
                type.name(),
                recordId,
                filename,
                attachment.contentType(),
                attachment.size(),
                attachment.uploadedBy()));
        return attachment;
    }

    /** The attachments of a live record the caller may read, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<Attachment> list(String collection, UUID recordId, String cursor, int limit) {
        RecordType type = typeOfCollection(collection);
        if (!records.isLive(type, recordId, Caller.require())) {
            throw recordNotFound(type, recordId);
        }
        Position after = Position.decode(cursor);
        List<Attachment> page = repository.ofRecord(
                type.name(),
                recordId,
                after == null ? null : after.createdAt(),
                after == null ? null : after.id(),
                limit + 1);
        return CursorPage.of(page, limit, a -> a.createdAt() + "|" + a.id());
    }

    @Transactional(readOnly = true)
    public Attachment get(UUID id) {
        return readable(id);
    }

    @Transactional(readOnly = true)
    public Download download(UUID id) {
        Attachment attachment = readable(id);
        try {
            return new Download(attachment, storage.open(TenantContext.require(), id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes an attachment and its content for good; the audit log keeps what it was. */
    @Transactional
    public void delete(UUID id) {
        Attachment attachment = repository.find(id).orElseThrow(() -> notFound(id));
        RecordType type = typesByName.get(attachment.recordType());
        if (type == null) {
            throw notFound(id);
        }
        requireChangeable(type, attachment.recordId(), () -> notFound(id));
        remove(attachment.id());
        audit.record("attachment.deleted", "attachment", id, attachment.snapshot(), null);
    }

    /** The answer to a file over the size limit. */
    public Problem tooLarge() {
        return UploadProblems.tooLarge(maxSize);
    }

    /** Removes the attachments of records that are gone for good; returns how many. */
    @Transactional
    int removeAllOf(String recordType, List<UUID> recordIds) {
        List<UUID> ids = repository.idsOfRecords(recordType, recordIds);
        ids.forEach(this::remove);
        return ids.size();
    }

    private void remove(UUID id) {
        try {
            storage.delete(TenantContext.require(), id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repository.delete(id);
    }

    private Attachment readable(UUID id) {
        Attachment attachment = repository.find(id).orElseThrow(() -> notFound(id));
        RecordType type = typesByName.get(attachment.recordType());
        if (type == null || !records.isLive(type, attachment.recordId(), Caller.require())) {
            throw notFound(id);
        }
        return attachment;
    }

    /** 404 (as {@code notFound}) unless the record is live and readable; 403 unless it is also changeable. */
    private void requireChangeable(RecordType type, UUID recordId, Supplier<Problem> notFound) {
        Caller caller = Caller.require();
        if (!records.isLive(type, recordId, caller)) {
            throw notFound.get();
        }
        if (!records.isWritable(type, recordId, caller)) {
            throw Problem.forbidden("Your role does not allow changing the attachments of this " + type.name());
        }
    }

    private RecordType typeOfCollection(String collection) {
        RecordType type = typesByCollection.get(collection);
        if (type == null) {
            throw new Problem(404, "not-found", "Not found", "There is no record collection '" + collection + "'");
        }
        return type;
    }

    private ContentScan scan(InputStreamSource content) {
        try (InputStream in = content.getInputStream()) {
            return ContentScan.of(in, maxSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Problem recordNotFound(RecordType type, UUID id) {
        return Problem.notFound(
                Character.toUpperCase(type.name().charAt(0)) + type.name().substring(1), id);
    }

    private static Problem notFound(UUID id) {
        return Problem.notFound("Attachment", id);
    }

    /** Where a page of a record's attachments ends: the creation time and id of its last one. */
    private record Position(Instant createdAt, UUID id) {

        static Position decode(String cursor) {
            String key = CursorPage.decode(cursor);
            if (key == null) {
                return null;
            }
            int bar = key.indexOf('|');
            try {
                return new Position(
                        TimeRange.check("cursor", Instant.parse(key.substring(0, bar))),
                        UUID.fromString(key.substring(bar + 1)));
            } catch (DateTimeParseException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
                throw Problem.invalid("cursor", "is not a cursor of this list");
            }
        }
    }
}
