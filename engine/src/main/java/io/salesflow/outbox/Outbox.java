package io.salesflow.outbox;

import io.salesflow.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Records messages to send, in the caller's transaction: they leave only if that transaction commits. */
@Service
public class Outbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final OutboxRelay relay;

    Outbox(JdbcTemplate jdbc, Clock clock, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.relay = relay;
    }

    /** Enqueues a message for now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(String channel, UUID subjectId, String messageKey) {
        return enqueue(channel, subjectId, messageKey, clock.instant());
    }

    /**
     * Enqueues a message to be delivered by {@code channel} not before {@code notBefore}.
     *
     * @param subjectId the channel's own record of the message (an email, a webhook delivery)
     * @param messageKey the id the message carries every time it is delivered (Message-ID, webhook-id)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(String channel, UUID subjectId, String messageKey, Instant notBefore) {
        UUID id = UUID.randomUUID();
        UUID tenant = TenantContext.require();
        jdbc.update(
                "INSERT INTO outbox_messages (tenant_id, id, channel, subject_id, message_key, next_attempt_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                tenant,
                id,
                channel,
                subjectId,
                messageKey,
                Timestamp.from(notBefore),
                Timestamp.from(clock.instant()));
        if (!notBefore.isAfter(clock.instant())) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wakeUp(tenant);
                }
            });
        }
        return id;
    }

    /** Cancels a message not yet delivered (a sequence stopped, a webhook endpoint removed). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean cancel(UUID outboxId) {
        return jdbc.update(
                        "UPDATE outbox_messages SET status = 'CANCELLED' WHERE id = ? AND status = 'PENDING'", outboxId)
                == 1;
    }
}
