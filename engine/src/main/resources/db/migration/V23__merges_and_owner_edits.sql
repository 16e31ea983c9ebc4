-- A merged survivor is rescored with its merged engagements (reason 'merged'), and every change of a lead's
-- owner is an assignment: a reassignment gives its why, an edit of the owner field or a merge records who did it.
ALTER TABLE lead_score_history DROP CONSTRAINT lead_score_history_reason_check;
ALTER TABLE lead_score_history ADD CONSTRAINT lead_score_history_reason_check
    CHECK (reason ~ '^(created|manual|merged|engagement:[a-z_]+|status_changed:[a-z_]+|rule_set_activated:[0-9]+)$');

ALTER TABLE lead_assignments DROP CONSTRAINT lead_assignments_check;
ALTER TABLE lead_assignments ADD CONSTRAINT lead_assignments_manual_by_someone
    CHECK (kind <> 'manual' OR assigned_by IS NOT NULL);
ALTER TABLE lead_assignments ADD CONSTRAINT lead_assignments_why_not_blank
    CHECK (why IS NULL OR trim(why) <> '');
