-- A started payment plan is an event a tenant may point at its own process (process.trigger.ProcessTriggers):
-- the list of events lives in the application, the table only keeps the names well-formed.
ALTER TABLE process_triggers DROP CONSTRAINT IF EXISTS process_triggers_event_check;
ALTER TABLE process_triggers ADD CONSTRAINT process_triggers_event_name CHECK (event ~ '^[a-z_]+\.[a-z_]+$');
