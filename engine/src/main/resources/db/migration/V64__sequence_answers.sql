-- The first answer that stops an active enrolment (a reply, a bounce, an unsubscribe, a booked meeting), kept as it
-- arrives: the process may be busy elsewhere (a rep task, a send waiting for working hours) rather than waiting for
-- it, and must find it when it next looks instead of sending on.
ALTER TABLE sequence_enrolments ADD COLUMN answer text CHECK (answer IN ('replied', 'bounced', 'unsubscribed', 'meeting'));
