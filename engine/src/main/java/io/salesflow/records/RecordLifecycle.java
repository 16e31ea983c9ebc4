package io.salesflow.records;

import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.identity.Teams;
import io.salesflow.identity.Users;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.platform.web.ETags;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps every record type's use cases share: finding a record the caller may change, checking an owner
 * or team assignment, saving with field history and audit, soft delete, restore within the window, history.
 * Record services call these inside their own transactions and keep only their type's rules.
 */
@Component
public class RecordLifecycle {

    static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(RecordLifecycle.class);

    private final RecordQueries queries;
    private final FieldHistory history;
    private final AuditLog audit;
    private final Users users;
    private final Teams teams;
    private final CustomFields customFields;
    private final RecordProperties properties;
    private final Timeline timeline;
    private final Clock clock;
    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    RecordLifecycle(
            RecordQueries queries,
            FieldHistory history,
            AuditLog audit,
            Users users,
            Teams teams,
            CustomFields customFields,
            RecordProperties properties,
            Timeline timeline,
            Clock clock,
            EntityManager entityManager,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events) {
        this.events = events;
        this.queries = queries;
        this.history = history;
        this.audit = audit;
        this.users = users;
        this.teams = teams;
        this.customFields = customFields;
        this.properties = properties;
        this.timeline = timeline;
        this.clock = clock;
        this.entityManager = entityManager;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The workspace's custom fields of the type, by list-language name ({@code customFields.<key>}). */
    public Map<String, RecordField> customFields(RecordType type) {
        return customFields.fields(type);
    }

    public CursorPage<Map<String, Object>> list(RecordType type, ListQuery query) {
        return queries.list(type, query, Caller.require());
    }

    public Map<String, Object> get(RecordType type, UUID id, List<String> embed) {
        return queries.get(type, id, Caller.require(), embed).orElseThrow(() -> notFound(type, id));
    }

    /** Whether the record exists, is not deleted, and the caller may read it. */
    public boolean isLive(RecordType type, UUID id) {
        return queries.isLive(type, id, Caller.require());
    }

    /** Whether the caller may read the record (deleted ones included). */
    public boolean isVisible(RecordType type, UUID id) {
        return queries.isVisible(type, id, Caller.require());
    }

    /** The live record if the caller may change it: 404 when they cannot see it, 403 when they only see it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T extends CrmRecord> T writable(
            RecordType type, JpaRepository<T, UUID> repository, UUID id, String ifMatch) {
        return writable(type, repository, id, ifMatch, false);
    }

    /** As {@link #writable(RecordType, JpaRepository, UUID, String)}; with {@code lockRow}, read under a row lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T extends CrmRecord> T writable(
            RecordType type, JpaRepository<T, UUID> repository, UUID id, String ifMatch, boolean lockRow) {
        Caller caller = Caller.require();
        T record = find(repository, id, lockRow)
                .filter(r -> !r.isDeleted())
                .filter(r -> queries.isVisible(type, id, caller))
                .orElseThrow(() -> notFound(type, id));
        requireWritable(type, id, caller);
        ETags.check(ifMatch, record.getVersion());
        return record;
    }

    /**
     * Runs a change of one record in a transaction of its own. Without a conditional {@code If-Match} the change
     * applies to the version current when it runs: when another transaction changed the record between its read
     * and its write (an optimistic lock failure), it runs again in a new transaction that reads the record under a
     * row lock, so the retry cannot lose the same race; {@value #ATTEMPTS} attempts at most. With {@code If-Match}
     * the failure stands (412: the caller's version is stale). Inside a transaction of the caller's it runs once:
     * the failure has spoilt that transaction, so a retry is for its owner to make.
     */
    public <R> R retrying(String ifMatch, Attempt<R> change) {
        if (ETags.isConditional(ifMatch) || TransactionSynchronizationManager.isActualTransactionActive()) {
            return transactions.execute(status -> change.run(false));
        }
        for (int attempt = 1; ; attempt++) {
            boolean lockRow = attempt > 1;
            try {
                return transactions.execute(status -> change.run(lockRow));
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug("A change lost a race with another writer; running it again (attempt {})", attempt + 1);
            }
        }
    }

    /** One attempt of a change; {@code lockRow} says to read the record under a row lock. */
    @FunctionalInterface
    public interface Attempt<R> {
        R run(boolean lockRow);
    }

    /**
     * Validates the owner and team a body asked for and whether the caller may hand the record to them, and
     * applies the custom field values it sent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void assign(RecordType type, CrmRecord record, RecordInput.Assignment assignment) {
        if (assignment.ownerGiven()) {
            if (!users.isActive(assignment.ownerId())) {
                throw Problem.invalid("ownerId", "no active user " + assignment.ownerId());
            }
            record.assignOwner(assignment.ownerId());
        }
        if (assignment.teamGiven()) {
            if (assignment.teamId() != null && !teams.exists(assignment.teamId())) {
                throw Problem.invalid("teamId", "no team " + assignment.teamId());
            }
            record.assignTeam(assignment.teamId());
        }
        if ((assignment.ownerGiven() || assignment.teamGiven())
                && !queries.mayAssign(type, record.getOwnerId(), record.getTeamId(), Caller.require())) {
            throw new Problem(
                            403,
                            "forbidden",
                            "Forbidden",
                            "You may not give a record to an owner or team outside your reach")
                    .with("field", assignment.ownerGiven() ? "ownerId" : "teamId");
        }
        if (assignment.customFields() != null) {
            customFields.apply(type, (CustomizableRecord) record, assignment.customFields());
        }
    }

    /**
     * The checks a new record passes before it is saved, whatever its type: its required custom fields are set, and
     * the caller may create it for its owner and team.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void checkCreatable(RecordType type, CrmRecord record) {
        if (record instanceof CustomizableRecord customizable) {
            customFields.checkRequired(type, customizable);
        }
        if (!queries.mayAssign(type, record.getOwnerId(), record.getTeamId(), Caller.require())) {
            throw Problem.forbidden("Your role does not allow creating this " + type.name() + " for its owner");
        }
    }

    /**
     * Saves a new record and keeps its first state in the field history and the audit log. Answers its id: the
     * service reads the record back once, when its own steps are done, and only if its caller shows it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T extends CrmRecord> UUID created(RecordType type, JpaRepository<T, UUID> repository, T record) {
        checkCreatable(type, record);
        repository.saveAndFlush(record);
        history.record(type.name(), record.getId(), null, record.snapshot());
        audit.record(type.name() + ".created", type.name(), record.getId(), null, record.snapshot());
        return record.getId();
    }

    /**
     * Hands a just-created record to the owner and team routing chose, on the system's authority rather than
     * the caller's reach (a web form's API key, say, may create leads but not pick reps); keeps the change in
     * history and audit. {@link #saved} answers it even when the caller may not read it any more.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T extends CrmRecord> void handedOver(
            RecordType type, JpaRepository<T, UUID> repository, T record, UUID ownerId, UUID teamId) {
        if (!users.isActive(ownerId)) {
            throw new IllegalStateException("Routing chose " + ownerId + ", who is not an active user");
        }
        if (teamId != null && !teams.exists(teamId)) {
            throw new IllegalStateException("Routing chose team " + teamId + ", which does not exist");
        }
        Map<String, Object> before = record.snapshot();
        record.assignOwner(ownerId);
        record.assignTeam(teamId);
        repository.saveAndFlush(record);
        history.record(type.name(), record.getId(), before, record.snapshot());
        audit.record(type.name() + ".routed", type.name(), record.getId(), before, record.snapshot());
    }

    /** A record as saved, whoever may read it: what a caller who handed it over is answered. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Object> saved(RecordType type, UUID id) {
        return queries.read(type, id).orElseThrow(() -> notFound(type, id));
    }

    /** Saves a change and keeps what changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T extends CrmRecord> Map<String, Object> changed(
            RecordType type, JpaRepository<T, UUID> repository, T record, Map<String, Object> before) {
        repository.saveAndFlush(record);
        history.record(type.name(), record.getId(), before, record.snapshot());
        audit.record(type.name() + ".changed", type.name(), record.getId(), before, record.snapshot());
        return get(type, record.getId(), List.of());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public <T extends CrmRecord> void delete(
            RecordType type, JpaRepository<T, UUID> repository, UUID id, String ifMatch, boolean lockRow) {
        T record = writable(type, repository, id, ifMatch, lockRow);
        Map<String, Object> before = record.snapshot();
        record.markDeleted(clock.instant());
        repository.saveAndFlush(record);
        history.record(type.name(), id, before, record.snapshot());
        audit.record(type.name() + ".deleted", type.name(), id, before, record.snapshot());
        events.publishEvent(new RecordDeleted(record.getTenantId(), type.name(), id));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public <T extends CrmRecord> Map<String, Object> restore(
            RecordType type, JpaRepository<T, UUID> repository, UUID id, boolean lockRow) {
        Caller caller = Caller.require();
        T record = find(repository, id, lockRow)
                .filter(r -> queries.isVisible(type, id, caller))
                .orElseThrow(() -> notFound(type, id));
        requireWritable(type, id, caller);
        if (!record.isDeleted()) {
            throw Problem.conflict("The " + type.name() + " is not deleted");
        }
        Instant until = record.getDeletedAt().plus(properties.restoreWindow());
        if (clock.instant().isAfter(until)) {
            throw new Problem(410, "restore-window-passed", "Gone", "The restore window ended at " + until);
        }
        Map<String, Object> before = record.snapshot();
        record.unmarkDeleted();
        repository.saveAndFlush(record);
        history.record(type.name(), id, before, record.snapshot());
        audit.record(type.name() + ".restored", type.name(), id, before, record.snapshot());
        events.publishEvent(new RecordRestored(record.getTenantId(), type.name(), id));
        return get(type, id, List.of());
    }

    public CursorPage<FieldHistory.Change> history(RecordType type, UUID id, Long beforeId, int limit) {
        if (!queries.isVisible(type, id, Caller.require())) {
            throw notFound(type, id);
        }
        return CursorPage.of(history.of(type.name(), id, beforeId, limit + 1), limit, c -> Long.toString(c.id()));
    }

    /** Activities, notes and field changes of a record the caller may see, newest first. */
    public CursorPage<Map<String, Object>> timeline(RecordType type, UUID id, String cursor, int limit) {
        return timeline.of(type, id, cursor, limit);
    }

    private <T extends CrmRecord> Optional<T> find(JpaRepository<T, UUID> repository, UUID id, boolean lockRow) {
        Optional<T> record = repository.findById(id);
        record.ifPresent(r -> {
            if (lockRow) {
                entityManager.refresh(r, LockModeType.PESSIMISTIC_WRITE);
            }
        });
        return record;
    }

    private void requireWritable(RecordType type, UUID id, Caller caller) {
        if (!queries.isWritable(type, id, caller)) {
            throw Problem.forbidden("Your role does not allow changing this " + type.name());
        }
    }

    private static Problem notFound(RecordType type, UUID id) {
        return Problem.notFound(
                Character.toUpperCase(type.name().charAt(0)) + type.name().substring(1), id);
    }
}
