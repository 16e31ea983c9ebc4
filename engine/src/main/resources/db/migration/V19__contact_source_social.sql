-- A contact converted from a lead keeps the lead's source, and leads may come from social lead forms.
ALTER TABLE contacts DROP CONSTRAINT contacts_source_check;
ALTER TABLE contacts ADD CONSTRAINT contacts_source_check
    CHECK (source IN ('web_form', 'import', 'api', 'referral', 'event', 'inbound_email', 'outbound', 'partner',
                      'social', 'other'));
