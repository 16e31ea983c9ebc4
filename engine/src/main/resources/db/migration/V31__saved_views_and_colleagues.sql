-- Saved list views: a user's filters, sort, columns and page size of a record list, kept under a name, private or
-- shared with their teams or the whole workspace. The state is JSON in the API's shape, checked by the application
-- against the record type's fields when it is saved.

CREATE TABLE saved_views (
    tenant_id    uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id           uuid NOT NULL,
    owner_id     uuid NOT NULL,
    record_type  text NOT NULL CHECK (record_type IN ('lead', 'contact', 'account', 'deal')),
    name         text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
    state        jsonb NOT NULL CHECK (jsonb_typeof(state) = 'object'),
    visibility   text NOT NULL CHECK (visibility IN ('private', 'team', 'workspace')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, owner_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
-- One name per owner and record type, whatever its case; also the owner's own views in name order.
CREATE UNIQUE INDEX saved_views_owner_name ON saved_views (tenant_id, owner_id, record_type, lower(name));
-- Views shared beyond their owner, in name order.
CREATE INDEX saved_views_shared ON saved_views (tenant_id, record_type, visibility, lower(name), id)
    WHERE visibility <> 'private';
SELECT app_enable_tenant_rls('saved_views');

-- The view a user's list opens with, one per record type: their own or one shared with them.
CREATE TABLE saved_view_defaults (
    tenant_id    uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    user_id      uuid NOT NULL,
    record_type  text NOT NULL,
    view_id      uuid NOT NULL,
    PRIMARY KEY (tenant_id, user_id, record_type),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, view_id) REFERENCES saved_views (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX saved_view_defaults_view ON saved_view_defaults (tenant_id, view_id);
SELECT app_enable_tenant_rls('saved_view_defaults');

-- Colleagues are looked up by the start of their name: active users by lower-case display name in byte order, read
-- in that order until a page is full. (Row-level security keeps the name range itself out of the index condition:
-- text comparisons are not leak-proof.)
CREATE INDEX users_active_name_prefix ON users (tenant_id, (lower(display_name) COLLATE "C"), id)
    WHERE status = 'ACTIVE';
