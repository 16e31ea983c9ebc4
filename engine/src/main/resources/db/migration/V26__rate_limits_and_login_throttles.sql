-- Counters of the rate limits (salesflow.rate-limits.*), shared by all replicas: each replica counts
-- requests in memory and adds its counts here in one statement per sync interval.
-- Not under row-level security, like event_publication: the limits per client address apply before any
-- tenant is known, and one statement writes the counts of all tenants at once. The key is the SHA-256
-- (hex) of the limit and what it counts (a caller id, a tenant id, a client address), so no address or
-- other readable tenant data is kept here.
CREATE TABLE rate_limit_counters (
    key         text PRIMARY KEY,
    limit_name  text NOT NULL,
    window_end  timestamptz NOT NULL,
    hits        bigint NOT NULL CHECK (hits >= 0)
);

-- Failed sign-ins per (workspace, email, client address) and per (workspace, email), with the time before
-- which the next attempt is not even checked, and when an address last signed in to the account.
-- Not under row-level security: the throttle is decided before the workspace and the user are looked up,
-- and must behave the same for a workspace or email that does not exist, so it cannot belong to a tenant.
-- Keys are SHA-256 digests of those strings, so no email or address is readable here.
CREATE TABLE login_throttles (
    key              bytea PRIMARY KEY,
    account_key      bytea NOT NULL,
    failures         integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
    last_failure_at  timestamptz,
    next_attempt_at  timestamptz,
    signed_in_at     timestamptz
);
CREATE INDEX login_throttles_account ON login_throttles (account_key);
