-- Opens (the tracking pixel) and clicks (the tracked links) of an outgoing email: first and last time and how many.
ALTER TABLE emails
    ADD COLUMN open_count        integer NOT NULL DEFAULT 0,
    ADD COLUMN first_opened_at   timestamptz,
    ADD COLUMN last_opened_at    timestamptz,
    ADD COLUMN click_count       integer NOT NULL DEFAULT 0,
    ADD COLUMN first_clicked_at  timestamptz,
    ADD COLUMN last_clicked_at   timestamptz;
