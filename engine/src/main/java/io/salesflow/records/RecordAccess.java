package io.salesflow.records;

import io.salesflow.identity.Caller;
import io.salesflow.identity.Scope;
import java.util.UUID;

/**
 * Record-level access as SQL: the rows a caller may read or change, given the scope its roles grant for the
 * type's permission. {@code OWN}: records the caller owns; {@code TEAM}: also those owned by members or
 * managers of the caller's teams, or assigned to those teams; {@code ALL}: the whole tenant. The predicate
 * goes into the query itself, so a page is never filtered after the fact.
 */
public final class RecordAccess {

    private RecordAccess() {}

    /** Null when the caller lacks the permission altogether. */
    public static SqlPart predicate(Caller caller, String permission, String alias) {
        Scope scope = caller.scopeOf(permission).orElse(null);
        if (scope == null) {
            return null;
        }
        UUID me = caller.userId();
        return switch (scope) {
            case ALL -> SqlPart.of("TRUE");
            case OWN -> SqlPart.of(alias + ".owner_id = ?", me);
            case TEAM -> {
                UUID[] teams = caller.teamIds().toArray(UUID[]::new);
                yield SqlPart.of(
                        alias + ".owner_id = ? OR " + alias + ".team_id = ANY (?) OR " + alias
                                + ".owner_id IN (SELECT m.user_id FROM team_members m WHERE m.team_id = ANY (?)) OR "
                                + alias + ".owner_id IN (SELECT t.manager_id FROM teams t WHERE t.id = ANY (?))",
                        me,
                        teams,
                        teams,
                        teams);
            }
        };
    }
}
