-- Contracts generated for deals from each workspace's templates, sent to signers by the contract-signing process.

-- A template is XHTML with Mustache variables ({{deal.name}}, {{#lineItems}}…{{/lineItems}}); it is laid out as a
-- PDF when saved, so a template that cannot be rendered is never stored. Invitations and reminders are sent with
-- the workspace's email template it names.
CREATE TABLE contract_templates (
    tenant_id          uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id                 uuid NOT NULL,
    name               text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
    body               text NOT NULL CHECK (length(body) BETWEEN 1 AND 200000),
    email_template_id  uuid NOT NULL,
    archived           boolean NOT NULL DEFAULT false,
    created_by         uuid,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX contract_templates_name ON contract_templates (tenant_id, name) WHERE NOT archived;
CREATE INDEX contract_templates_list ON contract_templates (tenant_id, created_at, id) WHERE NOT archived;
SELECT app_enable_tenant_rls('contract_templates');

-- One generated document per contract, kept as generated (its SHA-256 beside it), and the signed copy with its
-- certificate page once every signer has signed.
CREATE TABLE contracts (
    tenant_id        uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id               uuid NOT NULL,
    deal_id          uuid NOT NULL,
    template_id      uuid NOT NULL,
    title            text NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    status           text NOT NULL CHECK (status IN ('draft', 'sent', 'signed', 'declined', 'expired')),
    document         bytea NOT NULL,
    document_sha256  text NOT NULL CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
    signed_document  bytea,
    signed_sha256    text CHECK (signed_sha256 ~ '^[0-9a-f]{64}$'),
    expires_at       timestamptz,
    created_by       uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz,
    completed_at     timestamptz,
    version          bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, deal_id) REFERENCES deals (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, template_id) REFERENCES contract_templates (tenant_id, id),
    CHECK ((signed_document IS NULL) = (signed_sha256 IS NULL))
);
-- A deal's contracts, newest first; the won gate asks whether a deal has a signed one.
CREATE INDEX contracts_deal ON contracts (tenant_id, deal_id, created_at DESC, id DESC);
-- At most one contract per deal is out for signature.
CREATE UNIQUE INDEX contracts_one_out ON contracts (tenant_id, deal_id) WHERE status = 'sent';
SELECT app_enable_tenant_rls('contracts');

-- Who signs: a contact of the deal with an email address. The link's token is stored only as its SHA-256; the
-- evidence of a signature (time, address, user agent, document hash, email verified by the link) is kept here and
-- in the contract's event chain.
CREATE TABLE contract_signers (
    tenant_id        uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id               uuid NOT NULL,
    contract_id      uuid NOT NULL,
    position         int NOT NULL CHECK (position BETWEEN 0 AND 19),
    contact_id       uuid NOT NULL,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email            text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    status           text NOT NULL CHECK (status IN ('pending', 'invited', 'viewed', 'signed', 'declined')),
    token_hash       bytea,
    invited_at       timestamptz,
    reminded_at      timestamptz,
    viewed_at        timestamptz,
    signed_at        timestamptz,
    signed_name      text CHECK (length(signed_name) <= 200),
    declined_at      timestamptz,
    decline_reason   text CHECK (length(decline_reason) <= 2000),
    ip               text CHECK (length(ip) <= 100),
    user_agent       text CHECK (length(user_agent) <= 1000),
    document_sha256  text CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, contract_id, contact_id),
    UNIQUE (tenant_id, contract_id, position),
    UNIQUE (tenant_id, token_hash),
    FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id) ON DELETE CASCADE
);
SELECT app_enable_tenant_rls('contract_signers');

-- What happened to a contract, as a hash chain: each event holds the hash of the one before it and its own hash
-- over a canonical form of itself (see contract.ContractChain), so altering or removing a row is detected.
CREATE TABLE contract_events (
    tenant_id    uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id           uuid NOT NULL,
    contract_id  uuid NOT NULL,
    seq          int NOT NULL CHECK (seq >= 1),
    kind         text NOT NULL CHECK (kind IN ('generated', 'sent', 'reminded', 'viewed', 'signed', 'declined',
                                               'expired', 'completed')),
    signer_id    uuid,
    occurred_at  timestamptz NOT NULL,
    data         text NOT NULL,
    prev_hash    text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash         text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, contract_id, seq),
    FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id) ON DELETE CASCADE
);
SELECT app_enable_tenant_rls('contract_events');
