package io.salesflow.process.message;

import io.salesflow.tenancy.TenantScope;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Delivers buffered messages. While no instance waits and the message has not expired, the delivery fails on
 * purpose, so the event publication registry keeps it and runs it again (docs/operations.md, "Background work");
 * once expired it is dropped with a warning in the log.
 */
@Component
class BufferedMessageDelivery {

    private static final Logger log = LoggerFactory.getLogger(BufferedMessageDelivery.class);

    private final Messages messages;
    private final TenantScope tenantScope;
    private final Clock clock;

    BufferedMessageDelivery(Messages messages, TenantScope tenantScope, Clock clock) {
        this.messages = messages;
        this.tenantScope = tenantScope;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(MessageBuffered message) {
        boolean delivered = tenantScope.callAs(message.tenantId(), () -> messages.deliverBuffered(message));
        if (delivered) {
            return;
        }
        if (clock.instant().isAfter(message.expiresAt())) {
            log.warn(
                    "Buffered message {} ({}) expired at {} without an instance waiting for it",
                    message.messageId(),
                    message.messageName(),
                    message.expiresAt());
            return;
        }
        throw new NotWaitingYet(message);
    }

    /** Keeps the publication open for another attempt. */
    static class NotWaitingYet extends RuntimeException {
        NotWaitingYet(MessageBuffered message) {
            super("No instance waits for " + message.messageName() + " yet; trying again until " + message.expiresAt());
        }
    }
}
