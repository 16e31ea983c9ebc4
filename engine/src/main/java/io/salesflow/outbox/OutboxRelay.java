package io.salesflow.outbox;

import io.salesflow.platform.database.PooledThreads;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers outbox rows through their channels, tenant by tenant: right after the transaction that wrote them
 * commits, and on a poll for retries and for rows a stopped replica left behind. A worker claims a batch of due
 * rows ({@code FOR UPDATE SKIP LOCKED}, so replicas never share a row) by moving them a lease into the future,
 * delivers each outside any transaction, then records the outcome. A replica that dies between a delivery and its
 * record leaves the row due again when the lease ends: it is delivered again under the same message key, which is
 * what receivers dedupe on.
 */
@Component
public class OutboxRelay implements PooledThreads, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int ERROR_LENGTH = 1000;

    private final Map<String, OutboxChannel> channels;
    private final Tenants tenants;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final OutboxProperties properties;
    private final TransactionTemplate transactions;
    private final ExecutorService executor;
    private final Set<UUID> draining = ConcurrentHashMap.newKeySet();
    private final Set<UUID> again = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    OutboxRelay(
            List<OutboxChannel> channels,
            Tenants tenants,
            JdbcTemplate jdbc,
            Clock clock,
            OutboxProperties properties,
            PlatformTransactionManager transactionManager) {
        this.channels = channels.stream().collect(Collectors.toMap(OutboxChannel::name, Function.identity()));
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.running = properties.enabled();
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(properties.workers(), r -> {
            Thread thread = new Thread(r, "outbox-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Relays the tenant's due rows soon, on a worker (a drain already running for it goes round once more). */
    public void wakeUp(UUID tenant) {
        if (!running) {
            return;
        }
        if (!draining.add(tenant)) {
            again.add(tenant);
            return;
        }
        executor.execute(() -> {
            try {
                TenantContext.runAs(tenant, this::drain);
            } catch (RuntimeException e) {
                log.warn("Outbox relay of tenant {} stopped: {}", tenant, e.toString());
            } finally {
                draining.remove(tenant);
                if (again.remove(tenant)) {
                    wakeUp(tenant);
                }
            }
        });
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${salesflow.outbox.poll-interval:PT5S}")
    public void relayDue() {
        if (running) {
            tenants.all().forEach(tenant -> wakeUp(tenant.getId()));
        }
    }

    /**
     * Stops claiming rows on this replica; deliveries under way finish. With {@link #start()}, for operators
     * (and tests) who must hold messages back.
     */
    public void stop() {
        running = false;
    }

    public void start() {
        running = true;
    }

    /** Relays the current tenant's due rows on the calling thread, until none is due. */
    public void drain() {
        List<OutboxItem> batch;
        while (running && !(batch = claim()).isEmpty()) {
            for (OutboxItem item : batch) {
                deliver(item);
            }
        }
    }

    private List<OutboxItem> claim() {
        UUID tenant = TenantContext.require();
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp leaseEnd = Timestamp.from(clock.instant().plus(properties.lease()));
        return transactions.execute(status -> jdbc.query(
                "UPDATE outbox_messages SET attempts = attempts + 1, next_attempt_at = ? WHERE id IN ("
                        + " SELECT id FROM outbox_messages WHERE status = 'PENDING' AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id, channel, subject_id, message_key, attempts",
                (rs, row) -> new OutboxItem(
                        tenant,
                        rs.getObject("id", UUID.class),
                        rs.getString("channel"),
                        rs.getObject("subject_id", UUID.class),
                        rs.getString("message_key"),
                        rs.getInt("attempts")),
                leaseEnd,
                now,
                properties.batchSize()));
    }

    private void deliver(OutboxItem item) {
        OutboxChannel channel = channels.get(item.channel());
        DeliveryOutcome outcome;
        if (channel == null) {
            outcome = DeliveryOutcome.giveUp("No channel named " + item.channel());
        } else {
            try {
                outcome = channel.deliver(item);
            } catch (RuntimeException e) {
                log.debug("Outbox delivery {} failed", item.id(), e);
                outcome = DeliveryOutcome.retry(e.toString());
            }
        }
        if (outcome instanceof DeliveryOutcome.Delivered) {
            record(
                    "UPDATE outbox_messages SET status = 'DELIVERED', delivered_at = ?, last_error = NULL WHERE id = ?",
                    Timestamp.from(clock.instant()),
                    item.id());
        } else if (outcome instanceof DeliveryOutcome.Deferred deferred) {
            record(
                    "UPDATE outbox_messages SET attempts = attempts - 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
                    Timestamp.from(clock.instant().plus(deferred.after())),
                    truncate(deferred.reason()),
                    item.id());
        } else if (outcome instanceof DeliveryOutcome.Retry retry) {
            Optional<Duration> delay =
                    retry.after() != null ? Optional.of(retry.after()) : channel.retryDelay(item.attempt());
            if (delay.isPresent()) {
                record(
                        "UPDATE outbox_messages SET next_attempt_at = ?, last_error = ? WHERE id = ?",
                        Timestamp.from(clock.instant().plus(delay.get())),
                        truncate(retry.reason()),
                        item.id());
            } else {
                giveUp(channel, item, "Gave up after " + item.attempt() + " attempts: " + retry.reason());
            }
        } else if (outcome instanceof DeliveryOutcome.GiveUp giveUp) {
            giveUp(channel, item, giveUp.reason());
        }
    }

    private void giveUp(OutboxChannel channel, OutboxItem item, String reason) {
        record(
                "UPDATE outbox_messages SET status = 'FAILED', last_error = ? WHERE id = ?",
                truncate(reason),
                item.id());
        log.warn("Outbox message {} ({} {}) given up: {}", item.id(), item.channel(), item.subjectId(), reason);
        if (channel != null) {
            channel.gaveUp(item, reason);
        }
    }

    private void record(String sql, Object... arguments) {
        transactions.executeWithoutResult(status -> jdbc.update(sql, arguments));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
    }

    @Override
    public String threadsDescription() {
        return "outbox relay workers (salesflow.outbox.workers)";
    }

    @Override
    public int threads() {
        return properties.workers();
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
