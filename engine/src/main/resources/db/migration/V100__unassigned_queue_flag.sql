-- The unassigned queue, read directly: an entry is queued while it is its lead's latest, says 'unassigned' and the
-- lead is not deleted. Before, the queue was found by walking every 'unassigned' entry ever logged, newest first,
-- and skipping those placed since, so listing it read more the more unplaced leads the workspace had ever had.
ALTER TABLE lead_assignments ADD COLUMN queued boolean NOT NULL DEFAULT false;

UPDATE lead_assignments a SET queued = true
WHERE a.kind = 'unassigned'
  AND NOT EXISTS (SELECT 1 FROM lead_assignments later
                  WHERE later.tenant_id = a.tenant_id AND later.lead_id = a.lead_id AND later.id > a.id)
  AND EXISTS (SELECT 1 FROM leads l WHERE l.tenant_id = a.tenant_id AND l.id = a.lead_id AND l.deleted_at IS NULL);

DROP INDEX lead_assignments_unassigned;
CREATE INDEX lead_assignments_queued ON lead_assignments (tenant_id, id) WHERE queued;
