-- Rules that count engagements "in the last N days" change their verdict as time passes, without any event: a
-- nightly rescoring job (trigger 'time_windows', one per tenant and day whichever node queues it) rescores every
-- lead with history reason 'time_passed'.
ALTER TABLE rescoring_jobs ADD COLUMN trigger text NOT NULL DEFAULT 'activation'
    CHECK (trigger IN ('activation', 'time_windows'));
ALTER TABLE rescoring_jobs ADD COLUMN window_day date;
ALTER TABLE rescoring_jobs ADD CONSTRAINT rescoring_jobs_window_day_for_time_windows
    CHECK ((trigger = 'time_windows') = (window_day IS NOT NULL));
CREATE UNIQUE INDEX rescoring_jobs_one_per_day ON rescoring_jobs (tenant_id, window_day)
    WHERE trigger = 'time_windows';

ALTER TABLE lead_score_history DROP CONSTRAINT lead_score_history_reason_check;
ALTER TABLE lead_score_history ADD CONSTRAINT lead_score_history_reason_check
    CHECK (reason ~ '^(created|manual|merged|time_passed|engagement:[a-z_]+|status_changed:[a-z_]+|rule_set_activated:[0-9]+)$');
