-- Each workspace's Twilio account and senders (textmessage module). The auth token is sealed by
-- platform.secrets.SecretBox under the context 'twilio:<tenant>' and never leaves through the API.
CREATE TABLE twilio_settings (
    tenant_id              uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    account_sid            text NOT NULL CHECK (account_sid ~ '^AC[0-9a-f]{32}$'),
    auth_token             bytea NOT NULL,
    from_number            text CHECK (from_number ~ '^\+[1-9][0-9]{1,14}$'),
    messaging_service_sid  text CHECK (messaging_service_sid ~ '^MG[0-9a-f]{32}$'),
    whatsapp_from          text CHECK (whatsapp_from ~ '^whatsapp:\+[1-9][0-9]{1,14}$'),
    version                bigint NOT NULL DEFAULT 1,
    updated_at             timestamptz NOT NULL DEFAULT now(),
    updated_by             uuid,
    PRIMARY KEY (tenant_id),
    CHECK (from_number IS NOT NULL OR messaging_service_sid IS NOT NULL)
);
SELECT app_enable_tenant_rls('twilio_settings');

-- Numbers that asked for no more text messages (STOP, UNSUBSCRIBE, ...), in E.164; START takes one off.
CREATE TABLE text_opt_outs (
    tenant_id     uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    phone         text NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{1,14}$'),
    keyword       text NOT NULL CHECK (length(keyword) BETWEEN 1 AND 40),
    opted_out_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, phone)
);
CREATE INDEX text_opt_outs_recent ON text_opt_outs (tenant_id, opted_out_at DESC, phone);
SELECT app_enable_tenant_rls('text_opt_outs');
