-- Each workspace's outgoing mail server and sender: where its email leaves (SMTP host, port, security, login), who it
-- is from, the domain of plus-addressed reply tokens (reply+<token>@domain) and how many messages a minute may leave.
-- The password is sealed with the installation's key (platform.secrets.SecretBox) and never read back by the API.
CREATE TABLE email_settings (
    tenant_id        uuid PRIMARY KEY REFERENCES tenants (id),
    smtp_host        text NOT NULL CHECK (length(smtp_host) BETWEEN 1 AND 253),
    smtp_port        integer NOT NULL CHECK (smtp_port BETWEEN 1 AND 65535),
    smtp_security    text NOT NULL CHECK (smtp_security IN ('none', 'starttls', 'ssl_tls')),
    smtp_username    text CHECK (length(smtp_username) BETWEEN 1 AND 254),
    smtp_password    bytea,
    from_address     text NOT NULL CHECK (length(from_address) BETWEEN 3 AND 254),
    from_name        text CHECK (length(from_name) BETWEEN 1 AND 200),
    reply_domain     text CHECK (length(reply_domain) BETWEEN 1 AND 253),
    rate_per_minute  integer NOT NULL CHECK (rate_per_minute BETWEEN 1 AND 10000),
    version          bigint NOT NULL DEFAULT 1,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
SELECT app_enable_tenant_rls('email_settings');
