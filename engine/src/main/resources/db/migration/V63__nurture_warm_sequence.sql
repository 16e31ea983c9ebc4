-- Lead nurture's warm branch enrols into this sequence where a workspace chose one, instead of planning touch tasks.
ALTER TABLE nurture_settings ADD COLUMN warm_sequence_id uuid;
ALTER TABLE nurture_settings ADD FOREIGN KEY (tenant_id, warm_sequence_id) REFERENCES sequences (tenant_id, id);
