-- A task Salesflow raises about a queue rather than one record (the leads routing could not place) names the page
-- of the web app where that work is done. One such task stays open per person and page (AlertTasks.raiseOnPage):
-- this index finds it, whatever the number of tasks the person has had.
ALTER TABLE activities ADD COLUMN page text CHECK (page ~ '^/[a-z0-9/_-]{0,199}$');
CREATE INDEX activities_open_on_page ON activities (tenant_id, owner_id, page)
    WHERE page IS NOT NULL AND status IN ('pending', 'overdue') AND deleted_at IS NULL;
