-- Spring Modulith's event publication registry: a domain event meant for a transactional listener is stored
-- in the transaction that publishes it and marked complete when the listener has handled it, so an event
-- survives a crash between commit and handling and is resubmitted at the next start.
-- Not under row-level security, like the engine's ACT_* tables: resubmission at start-up runs across
-- tenants, and each event carries its tenant id for the listener to set. No API reads this table.
CREATE TABLE event_publication (
    id                uuid PRIMARY KEY,
    listener_id       text NOT NULL,
    event_type        text NOT NULL,
    serialized_event  text NOT NULL,
    publication_date  timestamptz NOT NULL,
    completion_date   timestamptz
);
CREATE INDEX event_publication_incomplete ON event_publication (publication_date) WHERE completion_date IS NULL;

CREATE TABLE event_publication_archive (
    id                uuid PRIMARY KEY,
    listener_id       text NOT NULL,
    event_type        text NOT NULL,
    serialized_event  text NOT NULL,
    publication_date  timestamptz NOT NULL,
    completion_date   timestamptz
);
