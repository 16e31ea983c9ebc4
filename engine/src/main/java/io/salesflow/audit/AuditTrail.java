package io.salesflow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log of the current tenant, newest first. */
@Service
public class AuditTrail {

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    AuditTrail(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** Entries older than {@code beforeId} (all when null), optionally of one resource, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<AuditEntry> page(Long beforeId, String resourceType, String resourceId, int limit) {
        StringBuilder sql = new StringBuilder(
                """
                SELECT id, occurred_at, actor_type, actor_id, action, resource_type, resource_id,
                       before_state::text, after_state::text, ip_address, user_agent, request_id
                FROM audit_log WHERE true
                """);
        List<Object> args = new ArrayList<>();
        if (beforeId != null) {
            sql.append(" AND id < ?");
            args.add(beforeId);
        }
        if (resourceType != null) {
            sql.append(" AND resource_type = ?");
            args.add(resourceType);
        }
        if (resourceId != null) {
            sql.append(" AND resource_id = ?");
            args.add(resourceId);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), this::entry, args.toArray());
    }

    private AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong(1),
                rs.getTimestamp(2).toInstant(),
                rs.getString(3),
                rs.getObject(4, java.util.UUID.class),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                json(rs.getString(8)),
                json(rs.getString(9)),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12));
    }

    private JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return objectMapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit state is not JSON", e);
        }
    }
}
