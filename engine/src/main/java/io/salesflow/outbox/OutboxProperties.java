package io.salesflow.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pace of the outbox relay.
 *
 * @param enabled whether this replica relays at all (off: rows wait for another replica)
 * @param workers deliveries running at once per replica
 * @param batchSize rows one worker claims at a time
 * @param pollInterval how often every tenant's due rows are looked for; new rows are also relayed right after their
 *     transaction commits
 * @param lease how long a claimed row stays with its worker; a worker that stopped (a crash, a lost replica) leaves
 *     its rows due again after it, and they are delivered again under the same message key
 */
@ConfigurationProperties("salesflow.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2") int workers,
        @DefaultValue("20") int batchSize,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("2m") Duration lease) {}
