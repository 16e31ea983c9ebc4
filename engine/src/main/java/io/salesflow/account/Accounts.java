package io.salesflow.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.identity.Teams;
import io.salesflow.identity.Users;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.platform.web.ETags;
import io.salesflow.records.FieldHistory;
import io.salesflow.records.ListQuery;
import io.salesflow.records.RecordProperties;
import io.salesflow.records.RecordQueries;
import io.salesflow.records.RecordType;
import io.salesflow.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account use cases for the calling user: list, read, create, change, delete and restore, each within the
 * caller's record-level access, each change kept in the field history and the audit log.
 */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final RecordQueries queries;
    private final FieldHistory history;
    private final AuditLog audit;
    private final Users users;
    private final Teams teams;
    private final RecordProperties properties;
    private final Clock clock;

    Accounts(
            AccountRepository accounts,
            RecordQueries queries,
            FieldHistory history,
            AuditLog audit,
            Users users,
            Teams teams,
            RecordProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.queries = queries;
        this.history = history;
        this.audit = audit;
        this.users = users;
        this.teams = teams;
        this.properties = properties;
        this.clock = clock;
    }

    /** The account type for parsing list requests. */
    public RecordType type() {
        return AccountRecord.ACCOUNT;
    }

    public CursorPage<Map<String, Object>> list(ListQuery query) {
        return queries.list(AccountRecord.ACCOUNT, query, Caller.require());
    }

    public Map<String, Object> get(UUID id, List<String> embed) {
        return queries.get(AccountRecord.ACCOUNT, id, Caller.require(), embed)
                .orElseThrow(() -> Problem.notFound("Account", id));
    }

    @Transactional
    public Map<String, Object> create(ObjectNode body) {
        Caller caller = Caller.require();
        Account account = new Account(TenantContext.require(), null, caller.userId());
        AccountInput.References refs = AccountInput.apply(body, account, true);
        resolveReferences(account, refs, caller);
        accounts.saveAndFlush(account);
        history.record(AccountRecord.TYPE, account.getId(), null, account.snapshot());
        audit.record("account.created", AccountRecord.TYPE, account.getId(), null, account.snapshot());
        return get(account.getId(), List.of());
    }

    @Transactional
    public Map<String, Object> change(UUID id, ObjectNode body, String ifMatch) {
        Caller caller = Caller.require();
        Account account = writable(id, caller);
        ETags.check(ifMatch, account.getVersion());
        Map<String, Object> before = account.snapshot();
        AccountInput.References refs = AccountInput.apply(body, account, false);
        resolveReferences(account, refs, caller);
        accounts.saveAndFlush(account);
        history.record(AccountRecord.TYPE, id, before, account.snapshot());
        audit.record("account.changed", AccountRecord.TYPE, id, before, account.snapshot());
        return get(id, List.of());
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Account account = writable(id, Caller.require());
        ETags.check(ifMatch, account.getVersion());
        Map<String, Object> before = account.snapshot();
        account.delete(clock.instant());
        accounts.saveAndFlush(account);
        history.record(AccountRecord.TYPE, id, before, account.snapshot());
        audit.record("account.deleted", AccountRecord.TYPE, id, before, account.snapshot());
    }

    @Transactional
    public Map<String, Object> restore(UUID id) {
        Caller caller = Caller.require();
        Account account = accounts.findById(id)
                .filter(a -> queries.isVisible(AccountRecord.ACCOUNT, id, caller))
                .orElseThrow(() -> Problem.notFound("Account", id));
        if (!queries.isWritable(AccountRecord.ACCOUNT, id, caller)) {
            throw Problem.forbidden("Your role does not allow changing this account");
        }
        if (!account.isDeleted()) {
            throw Problem.conflict("The account is not deleted");
        }
        Instant until = account.getDeletedAt().plus(properties.restoreWindow());
        if (clock.instant().isAfter(until)) {
            throw new Problem(410, "restore-window-passed", "Gone", "The restore window ended at " + until);
        }
        Map<String, Object> before = account.snapshot();
        account.restore();
        accounts.saveAndFlush(account);
        history.record(AccountRecord.TYPE, id, before, account.snapshot());
        audit.record("account.restored", AccountRecord.TYPE, id, before, account.snapshot());
        return get(id, List.of());
    }

    public CursorPage<FieldHistory.Change> history(UUID id, Long beforeId, int limit) {
        if (!queries.isVisible(AccountRecord.ACCOUNT, id, Caller.require())) {
            throw Problem.notFound("Account", id);
        }
        return CursorPage.of(
                history.of(AccountRecord.TYPE, id, beforeId, limit + 1), limit, c -> Long.toString(c.id()));
    }

    /** The account if the caller may change it: 404 when they cannot even see it, 403 when they only see it. */
    private Account writable(UUID id, Caller caller) {
        Account account = accounts.findById(id)
                .filter(a -> !a.isDeleted())
                .filter(a -> queries.isVisible(AccountRecord.ACCOUNT, id, caller))
                .orElseThrow(() -> Problem.notFound("Account", id));
        if (!queries.isWritable(AccountRecord.ACCOUNT, id, caller)) {
            throw Problem.forbidden("Your role does not allow changing this account");
        }
        return account;
    }

    private void resolveReferences(Account account, AccountInput.References refs, Caller caller) {
        if (refs.ownerGiven()) {
            if (!users.isActive(refs.ownerId())) {
                throw Problem.invalid("ownerId", "no active user " + refs.ownerId());
            }
            account.setOwnerId(refs.ownerId());
        }
        if (refs.teamGiven()) {
            if (refs.teamId() != null && !teams.exists(refs.teamId())) {
                throw Problem.invalid("teamId", "no team " + refs.teamId());
            }
            account.setTeamId(refs.teamId());
        }
        if (refs.parentGiven()) {
            UUID parent = refs.parentId();
            if (parent != null) {
                if (!queries.isVisible(AccountRecord.ACCOUNT, parent, caller)
                        || accounts.findById(parent).map(Account::isDeleted).orElse(true)) {
                    throw Problem.invalid("parentId", "no account " + parent);
                }
                if (account.getId() != null
                        && accounts.existsById(account.getId())
                        && accounts.isSelfOrDescendant(account.getId(), parent)) {
                    throw Problem.invalid("parentId", "would make the account its own ancestor");
                }
            }
            account.setParentId(parent);
        }
        if ((refs.ownerGiven() || refs.teamGiven())
                && !queries.mayAssign(AccountRecord.ACCOUNT, account.getOwnerId(), account.getTeamId(), caller)) {
            throw new Problem(
                            403,
                            "forbidden",
                            "Forbidden",
                            "You may not give an account to an owner or team outside your reach")
                    .with("field", refs.ownerGiven() ? "ownerId" : "teamId");
        }
    }
}
