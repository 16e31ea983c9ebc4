-- Contacts: people, usually at an account, with their addresses, consent and role in the buying group.

CREATE TABLE contacts (
    tenant_id          uuid NOT NULL REFERENCES tenants (id),
    id                 uuid NOT NULL,
    first_name         text CHECK (length(first_name) <= 100),
    last_name          text CHECK (length(last_name) <= 100),
    title              text,
    account_id         uuid,
    account_role       text CHECK (account_role IN ('decision_maker', 'economic_buyer', 'champion', 'influencer',
                                                    'technical_evaluator', 'end_user', 'blocker', 'other')),
    -- The primary address is one of all the addresses; both kept lower-case.
    email              text CHECK (email = lower(email)),
    emails             text[] NOT NULL DEFAULT '{}' CHECK (emails::text = lower(emails::text)),
    -- Phone numbers in E.164; the primary is one of them.
    phone              text CHECK (phone ~ '^\+[1-9][0-9]{1,14}$'),
    phones             text[] NOT NULL DEFAULT '{}'
                       CHECK (array_to_string(phones, ',') ~ '^(\+[1-9][0-9]{1,14}(,\+[1-9][0-9]{1,14})*)?$'),
    -- Network (linkedin, x, facebook, instagram, github, website) to handle or address.
    social             jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(social) = 'object'),
    status             text NOT NULL DEFAULT 'active'
                       CHECK (status IN ('active', 'inactive', 'bounced', 'unsubscribed')),
    source             text CHECK (source IN ('web_form', 'import', 'api', 'referral', 'event', 'inbound_email',
                                              'outbound', 'partner', 'other')),
    email_opt_in       boolean NOT NULL DEFAULT false,
    sms_opt_in         boolean NOT NULL DEFAULT false,
    whatsapp_opt_in    boolean NOT NULL DEFAULT false,
    consent_updated_at timestamptz,
    preferred_language text CHECK (length(preferred_language) <= 35),
    owner_id           uuid NOT NULL,
    team_id            uuid,
    tags               text[] NOT NULL DEFAULT '{}',
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    deleted_at         timestamptz,
    version            bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    CHECK (coalesce(trim(first_name), '') <> '' OR coalesce(trim(last_name), '') <> ''),
    CHECK (email IS NULL OR email = ANY (emails)),
    CHECK (phone IS NULL OR phone = ANY (phones)),
    FOREIGN KEY (tenant_id, owner_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id) ON DELETE SET NULL (team_id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE SET NULL (account_id)
);
CREATE INDEX contacts_owner ON contacts (tenant_id, owner_id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_account ON contacts (tenant_id, account_id);
-- List filters compare text case-insensitively (lower(email) = lower(?)), so the index is on lower(email).
CREATE INDEX contacts_email ON contacts (tenant_id, lower(email));
CREATE INDEX contacts_name ON contacts (tenant_id, lower(last_name), lower(first_name), id);
CREATE INDEX contacts_emails ON contacts USING gin (emails);
CREATE INDEX contacts_tags ON contacts USING gin (tags);
SELECT app_enable_tenant_rls('contacts');
