package io.salesflow.sequence;

import io.salesflow.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * When a sequence's send may go out: the first instant that is working time for the sender and, when the recipient
 * has a time zone, working time there too (the workspace's weekly hours in the recipient's zone). When the two never
 * meet within a week, the recipient's working hours alone decide: a message arrives in their day rather than never.
 */
final class SendWindow {

    /** How far ahead a working time both share is looked for. */
    static final Duration HORIZON = Duration.ofDays(7);

    private SendWindow() {}

    /** The recipient's working hours: the workspace's weekly hours in their zone, without the workspace's holidays. */
    static BusinessCalendar recipient(BusinessCalendar workspace, ZoneId zone) {
        return BusinessCalendar.of(zone, workspace.hours(), List.of());
    }

    /** {@code now} itself when both work then, else the next instant they both do (see the class comment). */
    static Instant next(BusinessCalendar sender, BusinessCalendar recipient, Instant now) {
        if (recipient == null) {
            return sender.nextWorkingTime(now);
        }
        Instant limit = now.plus(HORIZON);
        Instant at = sender.nextWorkingTime(now);
        while (at.isBefore(limit)) {
            Instant theirs = recipient.nextWorkingTime(at);
            if (theirs.equals(at)) {
                return at;
            }
            at = sender.nextWorkingTime(theirs);
            if (at.equals(theirs)) {
                return at;
            }
        }
        return recipient.nextWorkingTime(now);
    }
}
