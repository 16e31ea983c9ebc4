package io.salesflow.process.record;

import io.salesflow.process.EngineIds;
import io.salesflow.process.RecordProcesses;
import io.salesflow.records.TimelineEntry;
import io.salesflow.records.TimelineQuery;
import io.salesflow.records.TimelineSource;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Process milestones in a record's timeline: a process started on it, a task of it completed (by whom), a process
 * ended. Read from the engine's history (the instances' business key is {@code <type>:<id>}, indexed), within the
 * caller's workspace; whoever may read the record sees them.
 */
@Component
class ProcessTimeline implements TimelineSource {

    static final String KIND = "process";

    private static final String MILESTONES =
            """
            SELECT * FROM (
                SELECT p.start_time_ AS at, 'started:' || p.id_ AS id, 'started' AS event, p.id_ AS instance,
                       p.proc_def_key_ AS process_key, d.name_ AS process_name, NULL AS task, NULL AS actor,
                       NULL AS end_activity
                FROM act_hi_procinst p LEFT JOIN act_re_procdef d ON d.id_ = p.proc_def_id_
                WHERE p.business_key_ = ? AND p.tenant_id_ = ?
                UNION ALL
                SELECT p.end_time_, 'ended:' || p.id_, CASE WHEN p.delete_reason_ IS NULL THEN 'ended' ELSE 'cancelled' END,
                       p.id_, p.proc_def_key_, d.name_, NULL, NULL, p.end_act_id_
                FROM act_hi_procinst p LEFT JOIN act_re_procdef d ON d.id_ = p.proc_def_id_
                WHERE p.business_key_ = ? AND p.tenant_id_ = ? AND p.end_time_ IS NOT NULL
                UNION ALL
                SELECT t.end_time_, 'task:' || t.id_, 'task_completed', p.id_, p.proc_def_key_, d.name_, t.name_,
                       t.assignee_, NULL
                FROM act_hi_procinst p
                JOIN act_hi_taskinst t ON t.proc_inst_id_ = p.id_
                LEFT JOIN act_re_procdef d ON d.id_ = p.proc_def_id_
                WHERE p.business_key_ = ? AND p.tenant_id_ = ? AND t.end_time_ IS NOT NULL
                  AND t.delete_reason_ = 'completed'
            ) m
            """;

    private final JdbcTemplate jdbc;

    ProcessTimeline(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery query) {
        String key = RecordProcesses.businessKey(query.parentType().name(), query.parentId());
        String tenant = query.caller().tenantSlug();
        TimelineQuery.Condition after = query.keyset("m.at", KIND, "m.id");
        List<Object> params = new ArrayList<>(List.of(key, tenant, key, tenant, key, tenant));
        params.addAll(after.params());
        params.add(query.limit());
        return jdbc.query(
                MILESTONES + " WHERE " + after.sql() + " ORDER BY m.at DESC, m.id COLLATE \"C\" DESC LIMIT ?",
                (rs, i) -> {
                    Map<String, Object> summary = new LinkedHashMap<>();
                    summary.put("event", rs.getString("event"));
                    summary.put("processInstanceId", rs.getString("instance"));
                    summary.put("processKey", rs.getString("process_key"));
                    summary.put("processName", rs.getString("process_name"));
                    if (rs.getString("task") != null) {
                        summary.put("task", rs.getString("task"));
                        summary.put("completedBy", EngineIds.uuidOrNull(rs.getString("actor")));
                    }
                    if (rs.getString("end_activity") != null) {
                        summary.put("endActivityId", rs.getString("end_activity"));
                    }
                    Timestamp at = rs.getTimestamp("at");
                    return new TimelineEntry(at.toInstant(), KIND, rs.getString("id"), summary);
                },
                params.toArray());
    }
}
