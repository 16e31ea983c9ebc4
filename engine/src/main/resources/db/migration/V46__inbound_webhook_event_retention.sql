-- The retention purge of inbound webhook events (hooks.InboundEventPurge): settled events past the retention, oldest
-- first, a batch at a time.
CREATE INDEX inbound_webhook_events_settled ON inbound_webhook_events (tenant_id, received_at) WHERE status <> 'RECEIVED';
