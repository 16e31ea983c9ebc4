-- Retries of event publications while the application runs. A row exists for each incomplete publication that
-- failed or that a replica took to run again: how often its listener failed, the last error, and when it may be
-- run again (retry_at, also how long a claim holds). Spring Modulith's event_publication has no such columns;
-- this table keeps ours out of its way. Like event_publication it is outside row-level security: it holds ids
-- and listener errors, read only by the platform operator's actuator endpoint.
CREATE TABLE event_publication_failures (
    publication_id  uuid PRIMARY KEY REFERENCES event_publication (id) ON DELETE CASCADE,
    listener_id     text NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    last_error      text,
    failed_at       timestamptz,
    retry_at        timestamptz NOT NULL
);
CREATE INDEX event_publication_failures_retry_at ON event_publication_failures (retry_at);
