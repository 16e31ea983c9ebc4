package io.salesflow.imports;

import io.salesflow.identity.Caller;
import io.salesflow.identity.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which import jobs a caller may see, as SQL over {@code import_jobs}: those of the record types they may write,
 * within the scope they write them in (their own jobs, their teams' jobs, or all).
 */
record ImportAccess(String sql, List<Object> params) {

    static ImportAccess of(Caller caller) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        UUID me = caller.userId();
        UUID[] teams = caller.teamIds().toArray(UUID[]::new);
        for (ImportableType type : ImportableType.values()) {
            Scope scope = caller.scopeOf(type.writePermission()).orElse(null);
            if (scope == null) {
                continue;
            }
            params.add(type.collection);
            switch (scope) {
                case ALL -> parts.add("record_type = ?");
                case OWN -> {
                    parts.add("record_type = ? AND created_by = ?");
                    params.add(me);
                }
                case TEAM -> {
                    parts.add("record_type = ? AND (created_by = ?"
                            + " OR created_by IN (SELECT m.user_id FROM team_members m WHERE m.team_id = ANY (?))"
                            + " OR created_by IN (SELECT t.manager_id FROM teams t WHERE t.id = ANY (?)))");
                    params.add(me);
                    params.add(teams);
                    params.add(teams);
                }
            }
        }
        if (parts.isEmpty()) {
            return new ImportAccess("FALSE", List.of());
        }
        return new ImportAccess("(" + String.join(") OR (", parts) + ")", params);
    }
}
