package io.salesflow.process;

import io.salesflow.calendar.BusinessCalendars;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Business time for timers in BPMN, on the tenant's business calendar: {@code ${businessTime.plus('PT4H')}} is four
 * working hours from now, {@code ${businessTime.plusWorkingDays(2)}} the same time two working days on. The tenant
 * is the process instance's, set around every expression the engine evaluates.
 */
@Component("businessTime")
@ProcessBean("Business time on the tenant's calendar: plus('PT4H') working time, plusWorkingDays(n) working days")
public class BusinessTime {

    private final BusinessCalendars calendars;
    private final Clock clock;

    BusinessTime(BusinessCalendars calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    public Date plus(String workingTime) {
        return Date.from(calendars.ofTenant().plus(clock.instant(), Duration.parse(workingTime)));
    }

    public Date plusWorkingDays(Number days) {
        return Date.from(calendars.ofTenant().plusWorkingDays(clock.instant(), days.intValue()));
    }
}
