-- Email templates per workspace. Editing a template adds a version; a version is never changed, and an email sent
-- from a template records the version it was rendered from.
CREATE TABLE email_templates (
    tenant_id        uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id               uuid NOT NULL,
    name             text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    current_version  integer NOT NULL DEFAULT 1,
    archived         boolean NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX email_templates_name ON email_templates (tenant_id, lower(name)) WHERE NOT archived;
SELECT app_enable_tenant_rls('email_templates');

CREATE TABLE email_template_versions (
    tenant_id    uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    template_id  uuid NOT NULL,
    version      integer NOT NULL CHECK (version >= 1),
    subject      text NOT NULL CHECK (length(subject) BETWEEN 1 AND 998),
    body_html    text,
    body_text    text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   uuid,
    PRIMARY KEY (tenant_id, template_id, version),
    FOREIGN KEY (tenant_id, template_id) REFERENCES email_templates (tenant_id, id) ON DELETE CASCADE,
    CHECK (body_html IS NOT NULL OR body_text IS NOT NULL)
);
SELECT app_enable_tenant_rls('email_template_versions');
