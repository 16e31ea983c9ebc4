-- Users, roles with a permission matrix held as data, teams, and the credentials that prove who
-- calls: refresh tokens, API keys and the security events every attempt leaves behind.

-- Reference data shared by all tenants: what a permission is, and the matrix every new tenant's
-- system roles start from. Tenants change their own copy in role_permissions.
CREATE TABLE permissions (
    code         text PRIMARY KEY CHECK (code ~ '^[a-z_]+:[a-z_]+$'),
    description  text NOT NULL,
    scoped       boolean NOT NULL DEFAULT false
);
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON permissions FROM ${app_role};

CREATE TABLE system_roles (
    code         text PRIMARY KEY,
    name         text NOT NULL,
    description  text NOT NULL
);
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON system_roles FROM ${app_role};

CREATE TABLE system_role_permissions (
    role_code        text NOT NULL REFERENCES system_roles (code),
    permission_code  text NOT NULL REFERENCES permissions (code),
    scope            text NOT NULL DEFAULT 'ALL' CHECK (scope IN ('OWN', 'TEAM', 'ALL')),
    PRIMARY KEY (role_code, permission_code)
);
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON system_role_permissions FROM ${app_role};

CREATE TABLE users (
    tenant_id      uuid NOT NULL REFERENCES tenants (id),
    id             uuid NOT NULL,
    email          text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
    display_name   text NOT NULL,
    password_hash  text,
    status         text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DEACTIVATED')),
    locked_until   timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, email)
);
SELECT app_enable_tenant_rls('users');

CREATE TABLE roles (
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    id           uuid NOT NULL,
    code         text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,62}$'),
    name         text NOT NULL,
    description  text NOT NULL DEFAULT '',
    system       boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, code)
);
SELECT app_enable_tenant_rls('roles');

CREATE TABLE role_permissions (
    tenant_id        uuid NOT NULL DEFAULT app_current_tenant(),
    role_id          uuid NOT NULL,
    permission_code  text NOT NULL REFERENCES permissions (code),
    scope            text NOT NULL DEFAULT 'ALL' CHECK (scope IN ('OWN', 'TEAM', 'ALL')),
    PRIMARY KEY (tenant_id, role_id, permission_code),
    FOREIGN KEY (tenant_id, role_id) REFERENCES roles (tenant_id, id) ON DELETE CASCADE
);
SELECT app_enable_tenant_rls('role_permissions');

CREATE TABLE user_roles (
    tenant_id  uuid NOT NULL DEFAULT app_current_tenant(),
    user_id    uuid NOT NULL,
    role_id    uuid NOT NULL,
    PRIMARY KEY (tenant_id, user_id, role_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, role_id) REFERENCES roles (tenant_id, id)
);
CREATE INDEX user_roles_role ON user_roles (tenant_id, role_id);
SELECT app_enable_tenant_rls('user_roles');

CREATE TABLE teams (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    id          uuid NOT NULL,
    name        text NOT NULL CHECK (length(trim(name)) > 0),
    manager_id  uuid,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, manager_id) REFERENCES users (tenant_id, id)
);
CREATE UNIQUE INDEX teams_name_key ON teams (tenant_id, lower(name));
SELECT app_enable_tenant_rls('teams');

CREATE TABLE team_members (
    tenant_id  uuid NOT NULL DEFAULT app_current_tenant(),
    team_id    uuid NOT NULL,
    user_id    uuid NOT NULL,
    PRIMARY KEY (tenant_id, team_id, user_id),
    FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX team_members_user ON team_members (tenant_id, user_id);
SELECT app_enable_tenant_rls('team_members');

-- A login session. Its refresh tokens rotate: each use replaces the token with a new one of the same
-- session. A token presented after it was rotated means it leaked, and the whole session is revoked.
-- Access tokens name their session, so revoking it (logout, reuse) stops them at once too.
CREATE TABLE auth_sessions (
    tenant_id       uuid NOT NULL REFERENCES tenants (id),
    id              uuid NOT NULL,
    user_id         uuid NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    revoked_reason  text,
    ip_address      text,
    user_agent      text,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX auth_sessions_user ON auth_sessions (tenant_id, user_id);
SELECT app_enable_tenant_rls('auth_sessions');

CREATE TABLE refresh_tokens (
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    id           uuid NOT NULL,
    session_id   uuid NOT NULL,
    token_hash   text NOT NULL,
    issued_at    timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    rotated_at   timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, token_hash),
    FOREIGN KEY (tenant_id, session_id) REFERENCES auth_sessions (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (tenant_id, session_id);
SELECT app_enable_tenant_rls('refresh_tokens');

CREATE TABLE api_keys (
    tenant_id     uuid NOT NULL REFERENCES tenants (id),
    id            uuid NOT NULL,
    name          text NOT NULL CHECK (length(trim(name)) > 0),
    prefix        text NOT NULL,
    secret_hash   text NOT NULL,
    scopes        text[] NOT NULL,
    created_by    uuid NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz,
    revoked_at    timestamptz,
    last_used_at  timestamptz,
    version       bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
);
SELECT app_enable_tenant_rls('api_keys');

-- Every login attempt and security-relevant event, successful or not. Append-only.
CREATE TABLE security_events (
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    id           bigint GENERATED ALWAYS AS IDENTITY,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    event_type   text NOT NULL,
    outcome      text NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE')),
    user_id      uuid,
    email        text,
    ip_address   text,
    user_agent   text,
    detail       text,
    request_id   text,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX security_events_user_time ON security_events (tenant_id, user_id, event_type, occurred_at);
SELECT app_enable_tenant_rls('security_events');
REVOKE UPDATE, DELETE, TRUNCATE ON security_events FROM ${app_role};

-- Attempts against a tenant that does not exist cannot be kept under any tenant; they are kept here,
-- without tenant data, so probing for workspace names is visible too.
CREATE TABLE unattributed_security_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    event_type   text NOT NULL,
    tenant_slug  text,
    email        text,
    ip_address   text,
    user_agent   text,
    request_id   text
);
REVOKE SELECT, UPDATE, DELETE, TRUNCATE ON unattributed_security_events FROM ${app_role};
