-- A lead's or contact's own time zone (an IANA name such as America/New_York, checked by the application): a
-- sequence sends to them only inside working hours there as well as the sender's. Null: the sender's hours alone.
ALTER TABLE leads ADD COLUMN time_zone text CHECK (time_zone IS NULL OR length(time_zone) BETWEEN 1 AND 64);
ALTER TABLE contacts ADD COLUMN time_zone text CHECK (time_zone IS NULL OR length(time_zone) BETWEEN 1 AND 64);

-- When the enrolment's current step sends (or sent): in working hours of the sender and of the recipient.
ALTER TABLE sequence_enrolments ADD COLUMN send_at timestamptz;
