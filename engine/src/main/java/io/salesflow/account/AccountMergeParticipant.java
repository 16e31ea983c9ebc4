package io.salesflow.account;

import io.salesflow.platform.problem.Problem;
import io.salesflow.records.FieldHistory;
import io.salesflow.records.MergeParticipant;
import io.salesflow.records.MergedLinks;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Child accounts of merged accounts become children of the survivor. A survivor whose parent was merged into it
 * loses that parent (it would be its own); a merge that would make the survivor its own ancestor in any other way
 * is refused.
 */
@Component
class AccountMergeParticipant implements MergeParticipant {

    private final MergedLinks links;
    private final AccountRepository accounts;
    private final JdbcTemplate jdbc;
    private final FieldHistory history;

    AccountMergeParticipant(MergedLinks links, AccountRepository accounts, JdbcTemplate jdbc, FieldHistory history) {
        this.links = links;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.history = history;
    }

    @Override
    public Map<String, Integer> merge(Merge merge) {
        if (!merge.recordType().equals(AccountRecord.TYPE)) {
            return Map.of();
        }
        UUID survivor = merge.survivorId();
        UUID parent = parentOf(survivor);
        if (parent != null && merge.mergedIds().contains(parent)) {
            jdbc.update(
                    "UPDATE accounts SET parent_id = NULL, version = version + 1, updated_at = now() WHERE id = ?",
                    survivor);
            history.record(
                    AccountRecord.TYPE,
                    survivor,
                    Map.of("parentId", parent.toString()),
                    Collections.singletonMap("parentId", null));
        }
        int children = links.move(AccountRecord.ACCOUNT, "parentId", merge);
        UUID parentNow = parentOf(survivor);
        if (parentNow != null && accounts.isSelfOrDescendant(survivor, parentNow)) {
            throw Problem.invalid(
                    "mergedIds",
                    "a merged account is above account " + survivor + " in the hierarchy: merging would make it"
                            + " its own ancestor");
        }
        return Map.of("childAccounts", children);
    }

    private UUID parentOf(UUID account) {
        return jdbc.queryForObject("SELECT parent_id FROM accounts WHERE id = ?", UUID.class, account);
    }
}
