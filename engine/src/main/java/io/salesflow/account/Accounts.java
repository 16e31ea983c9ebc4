package io.salesflow.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordInput;
import io.salesflow.records.RecordLifecycle;
import io.salesflow.records.RecordServiceBase;
import io.salesflow.tenancy.TenantContext;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account use cases for the calling user, within their record-level access; the hierarchy rule is the
 * account's own, the rest is the shared record lifecycle.
 */
@Service
public class Accounts extends RecordServiceBase<Account> {

    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;

    Accounts(AccountRepository accounts, RecordLifecycle records, ApplicationEventPublisher events) {
        super(AccountRecord.ACCOUNT, accounts, records);
        this.accounts = accounts;
        this.events = events;
    }

    /** The country of the account's billing address (ISO 3166-1 alpha-2), when it has one. */
    public Optional<String> billingCountry(UUID id) {
        return accounts.findById(id)
                .filter(a -> !a.isDeleted())
                .map(Account::getBillingAddress)
                .map(Address::country);
    }

    @Override
    @Transactional
    public UUID add(ObjectNode body) {
        Account account = prepared(body);
        UUID created = records.created(AccountRecord.ACCOUNT, accounts, account);
        events.publishEvent(new AccountCreated(account.getTenantId(), account.getId(), account.getOwnerId()));
        return created;
    }

    @Override
    @Transactional
    public void checkNew(ObjectNode body) {
        records.checkCreatable(AccountRecord.ACCOUNT, prepared(body.deepCopy()));
    }

    private Account prepared(ObjectNode body) {
        Account account = new Account(TenantContext.require(), Caller.require().userId());
        apply(body, account, true);
        return account;
    }

    @Override
    protected Map<String, Object> applyChange(Account account, ObjectNode body) {
        Map<String, Object> before = account.snapshot();
        apply(body, account, false);
        return records.changed(AccountRecord.ACCOUNT, accounts, account, before);
    }

    private void apply(ObjectNode body, Account account, boolean creating) {
        RecordInput.Assignment assignment = new RecordInput.Assignment();
        AccountInput.Parent parent = AccountInput.apply(body, account, assignment, creating);
        if (parent.given()) {
            checkParent(account, parent.id());
            account.setParentId(parent.id());
        }
        records.assign(AccountRecord.ACCOUNT, account, assignment);
    }

    private void checkParent(Account account, UUID parent) {
        if (parent == null) {
            return;
        }
        boolean live = accounts.findById(parent).map(a -> !a.isDeleted()).orElse(false);
        if (!live || !records.isVisible(AccountRecord.ACCOUNT, parent)) {
            throw Problem.invalid("parentId", "no account " + parent);
        }
        if (accounts.existsById(account.getId()) && accounts.isSelfOrDescendant(account.getId(), parent)) {
            throw Problem.invalid("parentId", "would make the account its own ancestor");
        }
        if (parent.equals(account.getId())) {
            throw Problem.invalid("parentId", "would make the account its own ancestor");
        }
    }
}
