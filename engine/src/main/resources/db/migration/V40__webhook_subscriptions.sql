-- Outgoing webhooks: a tenant's subscriptions of URLs to domain events, a delivery per event and subscription (sent
-- through the outbox under its webhook-id), and the log of every attempt.

CREATE TABLE webhook_subscriptions (
    tenant_id               uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id                      uuid NOT NULL,
    url                     text NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    description             text CHECK (length(description) <= 500),
    event_types             text[] NOT NULL CHECK (cardinality(event_types) BETWEEN 1 AND 50),
    enabled                 boolean NOT NULL,
    -- The signing secret, sealed (platform.secrets.SecretBox); during a rotation the previous one signs too.
    secret_sealed           bytea NOT NULL,
    previous_secret_sealed  bytea,
    previous_secret_until   timestamptz,
    consecutive_failures    integer NOT NULL DEFAULT 0,
    disabled_reason         text CHECK (length(disabled_reason) <= 1000),
    disabled_at             timestamptz,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    version                 bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
SELECT app_enable_tenant_rls('webhook_subscriptions');

CREATE TABLE webhook_deliveries (
    tenant_id         uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id                uuid NOT NULL,
    seq               bigint GENERATED ALWAYS AS IDENTITY,
    subscription_id   uuid NOT NULL,
    event_type        text NOT NULL CHECK (length(event_type) BETWEEN 1 AND 100),
    webhook_id        text NOT NULL CHECK (length(webhook_id) BETWEEN 1 AND 100),
    -- The exact bytes signed and sent, the same on every attempt.
    payload           text NOT NULL,
    status            text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts          integer NOT NULL DEFAULT 0,
    last_status_code  integer,
    last_error        text CHECK (length(last_error) <= 1000),
    created_at        timestamptz NOT NULL DEFAULT now(),
    last_attempt_at   timestamptz,
    delivered_at      timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES webhook_subscriptions (tenant_id, id) ON DELETE CASCADE
);
-- A subscription's delivery log, newest first.
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (tenant_id, subscription_id, seq DESC);
SELECT app_enable_tenant_rls('webhook_deliveries');

CREATE TABLE webhook_attempts (
    tenant_id         uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id                bigint GENERATED ALWAYS AS IDENTITY,
    delivery_id       uuid NOT NULL,
    attempted_at      timestamptz NOT NULL,
    duration_ms       bigint NOT NULL,
    status_code       integer,
    outcome           text NOT NULL CHECK (outcome IN ('DELIVERED', 'RETRY', 'FAILED')),
    error             text CHECK (length(error) <= 1000),
    request_snippet   text CHECK (length(request_snippet) <= 4000),
    response_snippet  text CHECK (length(response_snippet) <= 4000),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, delivery_id) REFERENCES webhook_deliveries (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (tenant_id, delivery_id, id DESC);
SELECT app_enable_tenant_rls('webhook_attempts');
