-- Routing counts a capped rep's open leads up to the cap (LeadLoad.openUpToCap). Over leads_owner that walk also
-- passes every converted or disqualified lead of the rep, which only grow; this index holds open leads alone, so
-- the count reads at most the cap's number of entries.
CREATE INDEX leads_open_by_owner ON leads (tenant_id, owner_id)
    WHERE deleted_at IS NULL AND status IN ('new', 'contacted', 'qualified');
