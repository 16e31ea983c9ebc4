package io.salesflow.hooks;

import io.salesflow.connectors.inbound.MetaSignatures;
import io.salesflow.connectors.inbound.TwilioSignatures;
import io.salesflow.connectors.webhook.StandardWebhooks;
import io.salesflow.identity.SecurityEventLog;
import io.salesflow.outbox.Outbox;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.secrets.SecretBox;
import io.salesflow.ratelimit.RateLimit;
import io.salesflow.ratelimit.RateLimiter;
import io.salesflow.tenancy.Tenant;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a vendor's call to an endpoint: finds the endpoint (a 404 that does not say whether the workspace or the
 * endpoint is unknown), checks the body's size and the signature by the endpoint's scheme, and writes the event, once
 * per event key, together with the outbox row that has it mapped; only then is the call answered. Every refusal is a
 * security event of the workspace.
 */
@Service
public class InboundReceiver {

    /** What became of a call: a new event, or one the endpoint already had under the same key. */
    public record Receipt(UUID eventId, boolean duplicate, InboundScheme scheme) {}

    private final Tenants tenants;
    private final InboundEndpointStore endpoints;
    private final InboundEventStore events;
    private final SecretBox secrets;
    private final Outbox outbox;
    private final SecurityEventLog security;
    private final RateLimiter limiter;
    private final HookProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;

    InboundReceiver(
            Tenants tenants,
            InboundEndpointStore endpoints,
            InboundEventStore events,
            SecretBox secrets,
            Outbox outbox,
            SecurityEventLog security,
            RateLimiter limiter,
            HookProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.tenants = tenants;
        this.endpoints = endpoints;
        this.events = events;
        this.secrets = secrets;
        this.outbox = outbox;
        this.security = security;
        this.limiter = limiter;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
    }

    /** The largest body an endpoint takes, in bytes. */
    public long maxBodySize() {
        return properties.maxBodySize().toBytes();
    }

    public Receipt receive(InboundCall call) {
        UUID tenant = tenant(call.tenantSlug());
        return TenantContext.callAs(tenant, () -> {
            InboundEndpoint endpoint = endpoint(tenant, call.endpointSlug());
            if (call.oversized()) {
                refuse(endpoint, "body over " + maxBodySize() + " bytes");
                throw new Problem(
                        413,
                        "payload-too-large",
                        "Payload too large",
                        "The request body exceeds the limit of " + maxBodySize() + " bytes");
            }
            verify(endpoint, call);
            EventKey key = key(endpoint, call);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Receipt receipt = transactions.execute(status -> {
                Optional<UUID> id = events.insertUnlessSeen(
                        endpoint.id(), key.value(), key.source(), call.contentType(), call.body(), now);
                if (id.isEmpty()) {
                    return new Receipt(events.idOf(endpoint.id(), key.value()).orElseThrow(), true, endpoint.scheme());
                }
                outbox.enqueue(InboundEventChannel.NAME, id.get(), "inbound:" + id.get());
                return new Receipt(id.get(), false, endpoint.scheme());
            });
            if (receipt.duplicate()) {
                refuse(endpoint, "duplicate " + key.source() + " " + abbreviate(key.value()) + ", not processed again");
            }
            return receipt;
        });
    }

    /**
     * Meta's subscription handshake: the challenge when the endpoint is a Meta one and the verify token is its own; a
     * 403 otherwise.
     */
    public String handshake(String tenantSlug, String endpointSlug, String mode, String token, String challenge) {
        UUID tenant = tenant(tenantSlug);
        return TenantContext.callAs(tenant, () -> {
            InboundEndpoint endpoint = endpoint(tenant, endpointSlug);
            String expected = endpoint.verifyToken() == null
                    ? null
                    : secrets.open(endpoint.verifyToken(), endpoint.sealContext() + ":verify");
            if (endpoint.scheme() != InboundScheme.META
                    || !"subscribe".equals(mode)
                    || challenge == null
                    || challenge.length() > 200
                    || !MetaSignatures.verifyToken(expected, token)) {
                refuse(endpoint, "verification handshake with a wrong verify token or mode");
                throw new Problem(
                        403,
                        "verification-refused",
                        "Verification refused",
                        "hub.mode must be subscribe and hub.verify_token the endpoint's verify token");
            }
            return challenge;
        });
    }

    private UUID tenant(String slug) {
        Optional<Tenant> tenant = tenants.findBySlug(slug);
        if (tenant.isEmpty()) {
            security.webhookRefusedUnattributed(slug);
            throw notFound();
        }
        return tenant.get().getId();
    }

    private InboundEndpoint endpoint(UUID tenant, String slug) {
        String caller = "webhook:" + tenant + ":" + slug;
        Optional<Duration> wait = limiter.tryAcquire(RateLimit.PER_CALLER, caller);
        if (wait.isEmpty()) {
            wait = limiter.tryAcquire(RateLimit.PER_TENANT, tenant.toString());
            if (wait.isPresent()) {
                limiter.release(RateLimit.PER_CALLER, caller);
            }
        }
        if (wait.isPresent()) {
            throw Problem.tooManyRequests(
                    "rate-limited",
                    "Too many requests",
                    "This endpoint or its workspace reached its request limit; try again after the time in Retry-After",
                    wait.get());
        }
        Optional<InboundEndpoint> endpoint = reads.execute(s -> endpoints.findBySlug(slug));
        if (endpoint.isEmpty() || !endpoint.get().enabled()) {
            security.webhookRefused(
                    "webhook to " + (endpoint.isEmpty() ? "unknown" : "disabled") + " endpoint " + abbreviate(slug));
            throw notFound();
        }
        return endpoint.get();
    }

    private void verify(InboundEndpoint endpoint, InboundCall call) {
        List<String> keys = secretsOf(endpoint);
        switch (endpoint.scheme()) {
            case STANDARD -> {
                StandardWebhooks.Refusal refusal = StandardWebhooks.verify(
                        keys,
                        call.header().apply(StandardWebhooks.ID),
                        call.header().apply(StandardWebhooks.TIMESTAMP),
                        call.header().apply(StandardWebhooks.SIGNATURE),
                        call.body(),
                        clock.instant());
                if (refusal == StandardWebhooks.Refusal.STALE_TIMESTAMP) {
                    refuse(
                            endpoint,
                            "stale webhook-timestamp "
                                    + abbreviate(call.header().apply(StandardWebhooks.TIMESTAMP)));
                    throw new Problem(
                            401,
                            "stale-timestamp",
                            "Stale timestamp",
                            "webhook-timestamp is more than " + StandardWebhooks.TOLERANCE.toMinutes()
                                    + " minutes from now; a replayed or delayed delivery is not accepted");
                }
                if (refusal != null) {
                    refuse(
                            endpoint,
                            refusal == StandardWebhooks.Refusal.MISSING_HEADERS
                                    ? "missing Standard Webhooks headers"
                                    : "forged webhook-signature");
                    throw badSignature();
                }
                if (call.header().apply(StandardWebhooks.ID).length() > 255) {
                    refuse(endpoint, "webhook-id over 255 characters");
                    throw badSignature();
                }
            }
            case META -> {
                if (!MetaSignatures.verify(keys, call.header().apply(MetaSignatures.HEADER), call.body())) {
                    refuse(endpoint, "forged or missing " + MetaSignatures.HEADER);
                    throw badSignature();
                }
            }
            case TWILIO -> {
                String signature = call.header().apply(TwilioSignatures.HEADER);
                boolean valid;
                try {
                    valid = call.form()
                            ? TwilioSignatures.verifyForm(keys, call.url(), FormBodies.parse(call.body()), signature)
                            : TwilioSignatures.verifyBody(
                                    keys, call.url(), new String(call.body(), StandardCharsets.UTF_8), signature);
                } catch (IllegalArgumentException e) {
                    valid = false;
                }
                if (!valid) {
                    refuse(endpoint, "forged or missing " + TwilioSignatures.HEADER);
                    throw badSignature();
                }
            }
            default -> throw new IllegalStateException("unknown scheme " + endpoint.scheme());
        }
    }

    /** The current secret, and the previous one while its overlap lasts. */
    private List<String> secretsOf(InboundEndpoint endpoint) {
        List<String> keys = new ArrayList<>(2);
        keys.add(secrets.open(endpoint.secret(), endpoint.sealContext()));
        if (endpoint.previousSecret() != null
                && endpoint.previousSecretUntil() != null
                && endpoint.previousSecretUntil().isAfter(clock.instant())) {
            keys.add(secrets.open(endpoint.previousSecret(), endpoint.sealContext()));
        }
        return keys;
    }

    private record EventKey(String value, String source) {}

    /**
     * Standard Webhooks: the {@code webhook-id}. Twilio: its {@code I-Twilio-Idempotency-Token}, kept across its
     * retries; else, as for Meta (which sends no delivery id), the SHA-256 of the body.
     */
    private static EventKey key(InboundEndpoint endpoint, InboundCall call) {
        if (endpoint.scheme() == InboundScheme.STANDARD) {
            return new EventKey(call.header().apply(StandardWebhooks.ID), "webhook-id");
        }
        if (endpoint.scheme() == InboundScheme.TWILIO) {
            String token = call.header().apply(TwilioSignatures.IDEMPOTENCY_TOKEN);
            if (token != null && !token.isBlank() && token.length() <= 255) {
                return new EventKey(token, "twilio-idempotency-token");
            }
        }
        return new EventKey(sha256(call.body()), "body-sha256");
    }

    private void refuse(InboundEndpoint endpoint, String why) {
        security.webhookRefused("inbound webhook " + endpoint.slug() + ": " + why);
    }

    private static Problem notFound() {
        return new Problem(404, "no-such-webhook", "Not found", "No webhook endpoint answers at this address");
    }

    private static Problem badSignature() {
        return Problem.unauthorized(
                "invalid-signature", "The request's signature does not match the endpoint's secret");
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "(none)";
        }
        String printable = s.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
    }
}
