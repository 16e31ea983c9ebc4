-- What a deal sells, line by line: a product (or service) with an optional description, quantity, unit price and a
-- discount in percent. The line total follows from them in the database, so nothing can store a wrong one.
-- Contracts print them (contract module); the deal page edits them (deal module).
CREATE TABLE deal_line_items (
    tenant_id         uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id),
    id                uuid NOT NULL,
    deal_id           uuid NOT NULL,
    position          int NOT NULL CHECK (position BETWEEN 0 AND 199),
    product           text NOT NULL CHECK (length(trim(product)) BETWEEN 1 AND 200),
    description       text CHECK (length(description) <= 2000),
    quantity          numeric(14, 4) NOT NULL CHECK (quantity > 0),
    unit_price        numeric(16, 2) NOT NULL CHECK (unit_price >= 0),
    discount_percent  numeric(5, 2) NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
    total             numeric(18, 2) GENERATED ALWAYS AS
                          (round(quantity * unit_price * (100 - discount_percent) / 100, 2)) STORED,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, deal_id, position),
    FOREIGN KEY (tenant_id, deal_id) REFERENCES deals (tenant_id, id) ON DELETE CASCADE
);
SELECT app_enable_tenant_rls('deal_line_items');

-- Won waits for a signed contract in the pipelines that say so (contract module answers the question).
ALTER TABLE pipelines ADD COLUMN won_requires_signature boolean NOT NULL DEFAULT false;
