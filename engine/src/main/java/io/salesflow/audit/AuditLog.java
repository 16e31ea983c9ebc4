package io.salesflow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.platform.database.TransactionBatch;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.request.RequestMetadata;
import io.salesflow.tenancy.TenantContext;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a change in the audit log. It joins the caller's transaction (and refuses to run without one),
 * so a change and its audit row commit or roll back together (bulk work may defer the row to that commit,
 * see {@link TransactionBatch}).
 */
@Service
public class AuditLog {

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    AuditLog(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String resourceType, Object resourceId, Object before, Object after) {
        RequestContext.Actor actor = RequestContext.actor();
        Optional<RequestMetadata> request = RequestContext.metadata();
        TransactionBatch.insert(
                jdbc,
                """
                INSERT INTO audit_log (tenant_id, actor_id, actor_type, action, resource_type, resource_id,
                                       before_state, after_state, ip_address, user_agent, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)
                """,
                List.<Object[]>of(new Object[] {
                    TenantContext.require(),
                    actor.id(),
                    actor.type().name(),
                    action,
                    resourceType,
                    String.valueOf(resourceId),
                    json(before),
                    json(after),
                    request.map(RequestMetadata::ipAddress).orElse(null),
                    request.map(RequestMetadata::userAgent).orElse(null),
                    request.map(RequestMetadata::requestId).orElse(null)
                }));
    }

    private String json(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit state is not serialisable", e);
        }
    }
}
