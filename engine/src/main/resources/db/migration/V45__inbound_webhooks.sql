-- Inbound webhooks (hooks module): endpoints an admin configures under /hooks/{tenant}/{slug}, and the events vendors
-- deliver to them. An event is written (status RECEIVED) before the vendor gets its 2xx; a worker maps it to a lead or
-- a process message afterwards (PROCESSED, or FAILED with the reason).

CREATE TABLE inbound_webhook_endpoints (
    tenant_id                uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id                       uuid NOT NULL,
    slug                     text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name                     text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    scheme                   text NOT NULL CHECK (scheme IN ('standard', 'meta', 'twilio')),
    -- Sealed with SecretBox under the context 'inbound-webhook:<tenant>:<id>'.
    secret                   bytea NOT NULL,
    previous_secret          bytea,
    previous_secret_until    timestamptz,
    verify_token             bytea,
    action                   text NOT NULL CHECK (action IN ('create_lead', 'correlate_message')),
    mapping                  jsonb NOT NULL,
    enabled                  boolean NOT NULL DEFAULT true,
    created_by               uuid NOT NULL,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    secret_rotated_at        timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, slug),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
);
SELECT app_enable_tenant_rls('inbound_webhook_endpoints');

CREATE TABLE inbound_webhook_events (
    tenant_id      uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id             uuid NOT NULL,
    endpoint_id    uuid NOT NULL,
    -- What makes a delivery the same delivery: the webhook-id, Twilio's idempotency token, or the body's SHA-256.
    event_key      text NOT NULL CHECK (length(event_key) BETWEEN 1 AND 300),
    key_source     text NOT NULL CHECK (key_source IN ('webhook-id', 'twilio-idempotency-token', 'body-sha256')),
    received_at    timestamptz NOT NULL,
    content_type   text,
    payload        bytea NOT NULL,
    status         text NOT NULL DEFAULT 'RECEIVED' CHECK (status IN ('RECEIVED', 'PROCESSED', 'FAILED')),
    attempts       integer NOT NULL DEFAULT 0,
    error          text,
    result         text,
    processed_at   timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, endpoint_id, event_key),
    FOREIGN KEY (tenant_id, endpoint_id) REFERENCES inbound_webhook_endpoints (tenant_id, id) ON DELETE CASCADE
);
-- The event log of one endpoint, newest first, a page at a time.
CREATE INDEX inbound_webhook_events_log ON inbound_webhook_events (tenant_id, endpoint_id, received_at DESC, id DESC);
SELECT app_enable_tenant_rls('inbound_webhook_events');
