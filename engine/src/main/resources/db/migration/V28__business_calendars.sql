-- Business calendars: when a workspace works, so that timers and SLAs count working time. Working hours are a JSON
-- object of weekdays, each a list of {"start": "09:00", "end": "17:00"}, checked by the application (which reads and
-- replaces a week whole); holidays are whole days in the calendar's time zone.

-- One row per tenant, from the start: new tenants get theirs when they are provisioned.
CREATE TABLE business_calendars (
    tenant_id      uuid PRIMARY KEY REFERENCES tenants (id),
    time_zone      text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
    working_hours  jsonb NOT NULL CHECK (jsonb_typeof(working_hours) = 'object'),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint NOT NULL DEFAULT 0
);
SELECT app_enable_tenant_rls('business_calendars');

CREATE TABLE business_holidays (
    tenant_id  uuid NOT NULL REFERENCES business_calendars (tenant_id),
    day        date NOT NULL,
    name       text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    PRIMARY KEY (tenant_id, day)
);
SELECT app_enable_tenant_rls('business_holidays');

-- A user's own time zone and working hours, each null where the workspace's apply. Clearing keeps the row, so its
-- version goes on counting and an ETag read before stays stale.
CREATE TABLE user_business_calendars (
    tenant_id      uuid NOT NULL REFERENCES tenants (id),
    user_id        uuid NOT NULL,
    time_zone      text CHECK (length(time_zone) BETWEEN 1 AND 64),
    working_hours  jsonb CHECK (jsonb_typeof(working_hours) = 'object'),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint NOT NULL,
    PRIMARY KEY (tenant_id, user_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
SELECT app_enable_tenant_rls('user_business_calendars');

-- The defaults for the tenants there are (as CalendarDefaultsProvisioner gives new ones), tenant by tenant:
-- row-level security applies to the owner too.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM tenants LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        INSERT INTO business_calendars (tenant_id, time_zone, working_hours)
        VALUES (t.id, 'UTC', '{"monday": [{"start": "09:00", "end": "17:00"}],
                               "tuesday": [{"start": "09:00", "end": "17:00"}],
                               "wednesday": [{"start": "09:00", "end": "17:00"}],
                               "thursday": [{"start": "09:00", "end": "17:00"}],
                               "friday": [{"start": "09:00", "end": "17:00"}],
                               "saturday": [], "sunday": []}');
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END
$$;
