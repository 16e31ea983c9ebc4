-- The people in a deal and the part each plays (decision maker, champion, ...); one may be the primary.
CREATE TABLE deal_contacts (
    tenant_id   uuid NOT NULL DEFAULT app_current_tenant(),
    deal_id     uuid NOT NULL,
    contact_id  uuid NOT NULL,
    role        text NOT NULL CHECK (role IN ('decision_maker', 'economic_buyer', 'champion', 'influencer',
                                              'technical_evaluator', 'end_user', 'blocker', 'other')),
    is_primary  boolean NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, deal_id, contact_id),
    FOREIGN KEY (tenant_id, deal_id) REFERENCES deals (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX deal_contacts_one_primary ON deal_contacts (tenant_id, deal_id) WHERE is_primary;
CREATE INDEX deal_contacts_contact ON deal_contacts (tenant_id, contact_id);
SELECT app_enable_tenant_rls('deal_contacts');
